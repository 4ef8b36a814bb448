# The one image of every process: the gateway (default command) and each subgraph
# (`node --import tsx scripts/start-subgraph.ts <catalog|access|lineage>`). Runtime dependencies only,
# run as the unprivileged `node` user. See docs/operations.md ("Containers and Kubernetes").
FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=true \
    HOST=0.0.0.0 \
    DATA_DIR=/var/lib/health-metadata-gateway
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY platform ./platform
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY operations ./operations
COPY scripts ./scripts
RUN mkdir -p /var/lib/health-metadata-gateway && chown node:node /var/lib/health-metadata-gateway
USER node
EXPOSE 4000 4001 4002 4003
CMD ["node", "--import", "tsx", "scripts/start-gateway.ts"]
