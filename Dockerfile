# One image for the gateway and the four subgraphs; the command picks which process runs.
# Build stage: compile TypeScript.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json ./
COPY lib lib
COPY gateway gateway
COPY apps apps
COPY subgraphs subgraphs
COPY stack stack
COPY scripts scripts
COPY data data
COPY schema schema
COPY trusted-documents trusted-documents
# The dashboard (web/) is bundled here; only its static build reaches the runtime image.
COPY web web
RUN npm run build:web
RUN npx tsc -p tsconfig.json --outDir dist \
 && for s in membership indicators certification workshops; do cp subgraphs/$s/schema.graphql dist/subgraphs/$s/; done \
 && mkdir -p dist/subgraphs/certification/domain && cp subgraphs/certification/domain/*.json dist/subgraphs/certification/domain/ \
 && mkdir -p dist/data dist/schema dist/trusted-documents && cp -r data/catalogues dist/data/ && cp schema/supergraph.graphql dist/schema/ \
 && cp trusted-documents/manifest.json trusted-documents/*.graphql dist/trusted-documents/ \
 && mkdir -p dist/web && cp -r web/dist dist/web/dist

# Runtime stage: production dependencies only, non-root.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000 4001 4002 4003 4004
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/gateway/index.js"]
