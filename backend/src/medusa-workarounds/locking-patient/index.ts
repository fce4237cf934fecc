import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import PatientInMemoryLockingProvider from "./service"

export default ModuleProvider(Modules.LOCKING, { services: [PatientInMemoryLockingProvider] })
