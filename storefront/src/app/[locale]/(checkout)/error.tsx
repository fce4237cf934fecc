"use client"

import { ErrorState, type SegmentErrorProps } from "@/components/common/ErrorState"

export default function ErrorPage(props: SegmentErrorProps) {
  return <ErrorState {...props} />
}
