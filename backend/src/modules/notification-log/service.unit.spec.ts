import LogNotificationProviderService, { logLine } from "./service"

describe("notification-log provider", () => {
  it("logs recipient, channel and template, never the data", async () => {
    const lines: string[] = []
    const logger = { info: (m: string) => lines.push(m) } as any
    const provider = new LogNotificationProviderService({ logger }, {})
    const token = "eyJhbGciOiJIUzI1NiJ9.secret-token"
    await provider.send({
      to: "anlo@ocop-hue.vn",
      channel: "feed",
      template: "ocop-producer-password-reset",
      data: { url: `https://shop.example/reset?token=${token}`, token },
    } as any)
    expect(lines).toEqual([logLine({ to: "anlo@ocop-hue.vn", channel: "feed", template: "ocop-producer-password-reset" })])
    expect(lines[0]).toContain("anlo@ocop-hue.vn")
    expect(lines[0]).toContain("ocop-producer-password-reset")
    expect(lines.join("\n")).not.toContain("secret-token")
  })
})
