import type { CatalogEntry } from '../types'

/** Input that cannot be read at all: empty, not XML, hostile XML, too large. Owner is whoever produced the file. */
export const inputCatalog = {
  INPUT_EMPTY: {
    step: 'saml.message',
    severity: 'error',
    owner: 'idp',
    title: 'The file or text is empty',
    symptom: 'Nothing was uploaded or pasted, or the download from the IdP returned an empty body.',
    detail: 'There is nothing to check: the input has no content.',
    nextStep:
      'Download the document again from the IdP (federation metadata XML, or the OpenID configuration) and upload the whole file.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Federation Metadata XML › Download',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details › Metadata URL',
    },
    screen: 'saml.metadataUrl',
  },
  INPUT_TOO_LARGE: {
    step: 'saml.message',
    severity: 'error',
    owner: 'idp',
    title: 'The input is larger than any real SSO document',
    symptom:
      'A very large file was uploaded, or a URL returned far more data than a metadata document or SAML message holds.',
    detail:
      'The input exceeds the size limit, so it was not parsed. Real metadata and SAML messages are well below this limit.',
    nextStep:
      'Check that you uploaded the IdP metadata or SAML message itself, not an archive, log or aggregate of a whole federation.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Federation Metadata XML',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details',
    },
    screen: 'saml.metadataUrl',
  },
  INPUT_NOT_XML: {
    severity: 'error',
    owner: 'idp',
    title: 'The input is not well-formed XML',
    symptom: 'The upload is not XML, is truncated, or was changed while copying (quotes, line breaks, extra text).',
    detail: 'The XML parser stopped at the position in the evidence. Nothing else could be checked.',
    nextStep:
      'Download the document again instead of copying it from a web page or e-mail, and upload the file unchanged.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Federation Metadata XML › Download',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details › Metadata URL',
    },
    screen: 'saml.metadataUrl',
  },
  INPUT_XML_DOCTYPE: {
    severity: 'error',
    owner: 'idp',
    title: 'The XML contains a DOCTYPE, which SSO messages never carry',
    symptom: 'The document starts with <!DOCTYPE ...>, possibly with entity definitions.',
    detail:
      'DTDs and entities are how XML entity-expansion and external-entity attacks work; SAML forbids them. The document was refused before any other processing.',
    nextStep:
      'Use the document exactly as the IdP serves it. If it came from a third party, treat it as hostile and report it.',
    important: 'A real IdP never sends a DOCTYPE. If a SAML response has one, someone altered it.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Federation Metadata XML',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details',
    },
    screen: 'saml.metadataUrl',
  },
  INPUT_XML_TOO_DEEP: {
    severity: 'error',
    owner: 'idp',
    title: 'The XML is nested deeper than any SSO document',
    symptom: 'A document with hundreds of nested elements was uploaded.',
    detail:
      'The element nesting exceeds the depth limit, which protects the validator from stack exhaustion. Real SAML documents nest fewer than 20 levels.',
    nextStep:
      'Use the document exactly as the IdP serves it; a document this deep was generated or altered by something else.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Federation Metadata XML',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details',
    },
    screen: 'saml.metadataUrl',
  },
  INPUT_XML_PROCESSING_INSTRUCTION: {
    severity: 'error',
    owner: 'idp',
    title: 'The XML contains a processing instruction inside the document',
    symptom: 'A <?...?> instruction appears after the XML declaration.',
    detail:
      'Processing instructions inside signed SAML content are a known trick to make the signed text differ from what an application reads. The document was refused.',
    nextStep: 'Use the document exactly as the IdP serves it. If it arrived this way, treat it as tampered.',
    fixAt: {
      entra: 'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on',
      okta: 'Okta Admin Console › Applications › (app) › Sign On',
    },
  },
  INPUT_ENCODING: {
    step: 'saml.message',
    severity: 'error',
    owner: 'idp',
    title: 'The input could not be decoded',
    symptom: 'A pasted SAMLResponse is not valid base64, or the redirect-binding value does not inflate.',
    detail:
      'The value is neither XML, nor the base64 HTTP-POST form value, nor the deflated and base64-encoded HTTP-Redirect value.',
    nextStep:
      'Copy the SAMLResponse form field value whole (browser dev tools › Network › the POST to the ACS URL › Payload), or save the decoded XML from SAML-tracer.',
    fixAt: {
      entra: 'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › Test single sign-on',
      okta: 'Okta Admin Console › Applications › (app) › Sign On',
    },
  },
  INPUT_INFLATE_LIMIT: {
    step: 'saml.message',
    severity: 'error',
    owner: 'idp',
    title: 'The compressed message expands beyond the size limit',
    symptom: 'A deflated (redirect-binding) value inflates to an enormous size.',
    detail:
      'Inflation stopped at the output cap. This is how a deflate bomb looks; a real SAML message inflates to a few kilobytes.',
    nextStep: 'Capture the message again from the browser. If it came from a third party, treat it as hostile.',
    fixAt: {
      entra: 'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on',
      okta: 'Okta Admin Console › Applications › (app) › Sign On',
    },
  },
  INPUT_NOT_JSON: {
    severity: 'error',
    owner: 'idp',
    title: 'The document is not valid JSON',
    symptom: 'An OpenID configuration, JWKS or HAR file that does not parse as JSON.',
    detail: 'The JSON parser stopped at the position in the evidence.',
    nextStep: 'Fetch the document again (for OIDC: <issuer>/.well-known/openid-configuration) and upload it unchanged.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › App registrations › (app) › Overview › Endpoints › OpenID Connect metadata document',
      okta: 'Okta Admin Console › Security › API › Authorization Servers › (server) › Metadata URI',
    },
  },
  INPUT_REPORT_TRUNCATED: {
    severity: 'warning',
    owner: 'idp',
    title: 'The report was cut: the input produced more findings or steps than a report keeps',
    symptom:
      'A very large input (a HAR with thousands of sign-ins, a document with thousands of problems) was checked.',
    detail:
      'A report keeps at most a fixed number of findings and timeline steps, most important first; the rest are folded into this finding, which counts them by severity and code. The summary counts what the report shows, this finding included, and this finding is as severe as the worst finding it folds.',
    nextStep:
      'Fix the findings shown first, or check a smaller input (one sign-in, one document), then run the check again.',
    fixAt: {
      entra: 'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on',
      okta: 'Okta Admin Console › Applications › (app) › Sign On',
    },
  },
  INPUT_XML_TOO_MANY_ATTRIBUTES: {
    severity: 'error',
    owner: 'idp',
    title: 'The XML has more attributes than any SSO document',
    symptom:
      'An element carries hundreds or thousands of attributes, or the document as a whole carries far more than a metadata file or SAML message does.',
    detail:
      'The attribute count exceeds the limit per element or per document (see the evidence), so the document was refused before any other processing. Real SAML documents have at most a few dozen attributes on an element.',
    nextStep:
      'Use the document exactly as the IdP serves it; a document like this was generated or altered by something else. If it came from a third party, treat it as hostile.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Federation Metadata XML',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details',
    },
    screen: 'saml.metadataUrl',
  },
  INPUT_XML_TOO_MANY_NAMESPACES: {
    severity: 'error',
    owner: 'idp',
    title: 'The XML declares more namespaces than any SSO document',
    symptom: 'Elements declare dozens of xmlns prefixes each, or the document declares thousands in all.',
    detail:
      'The number of namespace declarations exceeds the limit per element or per document (see the evidence), so the document was refused before any other processing. Real SAML documents declare a handful of namespaces.',
    nextStep:
      'Use the document exactly as the IdP serves it; a document like this was generated or altered by something else. If it came from a third party, treat it as hostile.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Federation Metadata XML',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details',
    },
    screen: 'saml.metadataUrl',
  },
  INPUT_TOO_COMPLEX: {
    severity: 'error',
    owner: 'idp',
    title: 'The input took more time or memory than the validator allows for one request',
    symptom:
      'A very large or unusually shaped file (HAR, XML, support bundle) was uploaded and the analysis stopped without a result.',
    detail:
      'Each analysis runs under a CPU-time and memory budget so that one input cannot stall or crash the service. This input exceeded it (see the evidence), so the analysis was stopped and nothing else was checked.',
    nextStep:
      'Upload a smaller capture: record only the failing sign-in (clear the browser network log first, then reproduce once), or the single SAML message or metadata document itself.',
    fixAt: {
      entra: 'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › Test single sign-on',
      okta: 'Okta Admin Console › Applications › (app) › Sign On',
    },
  },
  INPUT_JWKS_NOT_DISCOVERY: {
    severity: 'error',
    owner: 'idp',
    title: "This is a JWKS (the IdP's signing keys), not a discovery document",
    symptom:
      'The file given as the OpenID configuration has a "keys" array and no issuer or endpoints: it is the document at jwks_uri, not /.well-known/openid-configuration.',
    detail:
      'A discovery document names the issuer, the endpoints and jwks_uri; a JWKS only lists keys. Nothing else was checked, because every discovery member would be reported missing for the wrong reason.',
    nextStep:
      'Give the issuer URL (or the document at <issuer>/.well-known/openid-configuration) as the discovery document, and this key set as the JWKS (on the command line: --jwks keys.json).',
    fixAt: {
      entra: 'Entra admin center › Entra ID › App registrations › (app) › Endpoints › OpenID Connect metadata document',
      okta: 'Okta Admin Console › Security › API › Authorization Servers › (server) › Metadata URI',
    },
  },
} as const satisfies Record<`INPUT_${string}`, CatalogEntry>
