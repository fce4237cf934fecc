// digital-link.js (GS1 Digital Link SDK) ships no types: the part of its API the project uses.
declare module "digital-link.js" {
  export type DigitalLinkInput = {
    domain: string
    identifier: Record<string, string>
    keyQualifiers?: Record<string, string>
    attributes?: Record<string, string>
    sortKeyQualifiers?: boolean
  }
  export type DigitalLinkInstance = {
    getDomain(): string
    getIdentifier(): Record<string, string>
    getKeyQualifiers(): Record<string, string>
    getKeyQualifier(key: string): string | undefined
    getAttributes(): Record<string, string>
    getAttribute(key: string): string | undefined
    toWebUriString(): string
    isValid(): boolean
  }
  export function DigitalLink(input: DigitalLinkInput | string): DigitalLinkInstance
}
