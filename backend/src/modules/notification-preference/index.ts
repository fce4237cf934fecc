import { Module } from "@medusajs/framework/utils"
import NotificationPreferenceModuleService from "./service"

/** Per-recipient mail preferences (opt-out of non-essential messages, producers' language). */
export const NOTIFICATION_PREFERENCE_MODULE = "notification_preference"

export type RecipientType = "customer" | "producer"
export type PreferenceDTO = { non_essential: boolean; locale: "vi" | "en" | null }

export default Module(NOTIFICATION_PREFERENCE_MODULE, { service: NotificationPreferenceModuleService })
