import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import StripeOcopProviderService from "./service"

/** Stripe card payments (provider id `pp_stripe_stripe`); registered by medusa-config.ts when STRIPE_API_KEY is set. */
export default ModuleProvider(Modules.PAYMENT, {
  services: [StripeOcopProviderService],
})
