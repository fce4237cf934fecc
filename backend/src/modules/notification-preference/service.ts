import { MedusaService } from "@medusajs/framework/utils"
import NotificationPreference from "./models/notification-preference"

/** CRUD from MedusaService; writes happen in workflows (src/workflows/notification-preferences). */
class NotificationPreferenceModuleService extends MedusaService({ NotificationPreference }) {}

export default NotificationPreferenceModuleService
