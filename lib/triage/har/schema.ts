import { z } from 'zod'

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), only what triage reads; unknown members are kept.
const NameValue = z.looseObject({ name: z.string(), value: z.string().catch('') })

const Request = z.looseObject({
  method: z.string(),
  url: z.string(),
  headers: z.array(NameValue).catch([]),
  queryString: z.array(NameValue).catch([]),
  cookies: z.array(NameValue).catch([]),
  postData: z
    .looseObject({
      mimeType: z.string().optional().catch(undefined),
      text: z.string().optional().catch(undefined),
      params: z
        .array(z.looseObject({ name: z.string(), value: z.string().optional().catch(undefined) }))
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
})

const Response = z.looseObject({
  status: z.number().catch(0),
  headers: z.array(NameValue).catch([]),
  cookies: z.array(NameValue).catch([]),
  redirectURL: z.string().optional().catch(undefined),
  content: z
    .looseObject({
      mimeType: z.string().optional().catch(undefined),
      text: z.string().optional().catch(undefined),
      encoding: z.string().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
})

export const HarEntrySchema = z.looseObject({
  startedDateTime: z.string(),
  time: z.number().optional().catch(undefined),
  request: Request,
  response: Response,
})

export const HarSchema = z.object({
  log: z.looseObject({
    version: z.string().optional(),
    creator: z.looseObject({ name: z.string().optional(), version: z.string().optional() }).optional().catch(undefined),
    entries: z.array(HarEntrySchema).max(50_000),
  }),
})
export type Har = z.infer<typeof HarSchema>
export type HarEntry = z.infer<typeof HarEntrySchema>
export type HarNameValue = z.infer<typeof NameValue>
