# Production image: the server and the built dashboard, talking to a ClickHouse server
# (CLICKHOUSE_URL). The embedded engine (workspace `clickhouse`, ~540 MB) is not installed.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY web/package.json web/
COPY clickhouse/package.json clickhouse/
RUN npm ci --no-audit --no-fund -w server -w web --include-workspace-root
COPY server server
COPY web web
RUN npm run build -w web && npm run build -w server

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 SYNCLINE_DATA_DIR=/var/lib/syncline
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY web/package.json web/
COPY clickhouse/package.json clickhouse/
RUN npm ci --no-audit --no-fund --omit=dev -w server && npm cache clean --force
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/web/dist web/dist
COPY clickhouse/migrations clickhouse/migrations
RUN mkdir -p /var/lib/syncline && chown node:node /var/lib/syncline
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server/dist/main.js"]
