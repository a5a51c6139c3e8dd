# The self-hosted Solidarity Directory: the built site and its functions in one Node process
# (`npm run serve`, docs/self-hosting.md). Put a reverse proxy or CDN in front (compose.yaml).
#
#   docker build -t solidarity-directory .
#   docker run -p 127.0.0.1:8888:8888 --env-file .env -v sd-data:/data solidarity-directory
#
# Settings come from the environment, as on Netlify (netlify.toml lists them); the join's store
# lives in the /data volume (JOIN_STORE_DIR). Content is baked in at build time: rebuild the image
# to publish a change, as Netlify redeploys on each commit.

# 1. Build: every dependency (the CMS bundle and the site build need the dev ones).
FROM node:22-bookworm-slim AS build
WORKDIR /app
# git: the content build and the CMS config read the repository's settings when present.
RUN apt-get update && apt-get install -y --no-install-recommends git ca-certificates && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
# GITHUB_REPOSITORY / GITHUB_BASE_BRANCH reach the CMS config (the admin build reads them).
ARG GITHUB_REPOSITORY
ARG GITHUB_BASE_BRANCH
ARG SITE_URL
RUN npm run build

# 2. Run: production dependencies only (tsx runs the TypeScript sources), the built files.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8888 \
    JOIN_STORE_DIR=/data/join-store
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force
COPY netlify.toml ./
COPY netlify ./netlify
COPY src ./src
COPY scripts ./scripts
COPY --from=build /app/dist ./dist
COPY --from=build /app/generated ./generated
RUN mkdir -p /data/join-store && chown -R node:node /data
USER node
VOLUME /data
EXPOSE 8888
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8888)+'/api/v1/taxonomies').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Node itself, not npm, as PID 1's child: SIGTERM reaches the server, which finishes the
# requests in flight; SIGHUP reloads netlify.toml, the functions and the data.
CMD ["node", "--import", "tsx", "scripts/serve.ts"]
