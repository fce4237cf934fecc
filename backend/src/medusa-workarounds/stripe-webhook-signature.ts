import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import Stripe from "stripe"

/**
 * Rejects Stripe webhooks whose signature does not verify, with a 400, before
 * Medusa queues them. Medusa's own /hooks/payment route answers 200 to anything
 * and verifies later in the background, so a wrong STRIPE_WEBHOOK_SECRET would
 * otherwise look like successful deliveries in Stripe's dashboard.
 * The provider verifies again when it processes the event.
 */
export function verifyStripeSignature(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const secret = process.env.STRIPE_WEBHOOK_SECRET
  if (!process.env.STRIPE_API_KEY || !secret) return next()
  const signature = req.headers["stripe-signature"]
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  try {
    if (!signature || raw === undefined) throw new Error("missing signature or body")
    Stripe.webhooks.constructEvent(raw, signature as string, secret)
  } catch {
    res.status(400).json({ type: "invalid_data", message: "Stripe webhook signature verification failed" })
    return
  }
  next()
}
