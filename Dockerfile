# Multi-stage image for the API and the worker (one image, two commands).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY workflows workflows
COPY tools tools
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN groupadd --system rectiflow && useradd --system --gid rectiflow --home /app rectiflow \
  && mkdir -p /data/evidence && chown rectiflow:rectiflow /data/evidence
COPY --from=build --chown=rectiflow:rectiflow /app/node_modules node_modules
COPY --from=build --chown=rectiflow:rectiflow /app/dist dist
COPY --from=build --chown=rectiflow:rectiflow /app/package.json package.json
USER rectiflow
ENV EVIDENCE_DIR=/data/evidence WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
