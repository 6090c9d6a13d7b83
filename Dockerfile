# first100 server image: Node 20 on Debian slim, production dependencies only, run as the unprivileged "node"
# user, started by node itself (no npm or tsx wrapper process, so SIGTERM reaches first100 and it stops cleanly).
# Build: docker build -t first100 .   Or the whole stack with HTTPS: DOMAIN=onboarding.example.com docker compose up -d
FROM node:20-slim

ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app

# Dependencies first, so a code change does not reinstall them. tsx is a runtime dependency: the server is TypeScript.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY . .
RUN mkdir -p /data && chown node:node /data

USER node
# The embedded database, its lock and the email outbox. With DATABASE_URL (compose.yaml) only the outbox and the lock.
VOLUME ["/data"]
EXPOSE 3000

# Ready: the process answers and its database does (GET /readyz). Node's own fetch: the slim image has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "--import", "tsx", "src/main.ts"]
