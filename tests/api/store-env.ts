// Imported first by the API tests: the app's store is PGlite in memory (or the CI Postgres), never ./.data.
process.env.SSO_PREFLIGHT_DATA_DIR = 'memory://'
if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL
else delete process.env.DATABASE_URL
