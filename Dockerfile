# The console's image: the BFF and the built SPA, one process (README: "Deployment").
# Build: docker build -t cci-console .   Run: see deploy/kubernetes.yaml for the environment.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/bff/package.json apps/bff/
COPY apps/web/package.json apps/web/
COPY apps/cci-emulator/package.json apps/cci-emulator/
COPY packages/cci-model/package.json packages/cci-model/
COPY packages/hwcloud-auth/package.json packages/hwcloud-auth/
COPY packages/prom-text/package.json packages/prom-text/
COPY e2e/package.json e2e/
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build -w @cci/web

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 STATIC_DIR=/app/apps/web/dist
WORKDIR /app
# The BFF runs from its TypeScript sources (tsx), as in development; the emulator, the e2e
# tests and the SPA's sources stay out.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/apps/bff ./apps/bff
COPY --from=build /app/packages ./packages
COPY --from=build /app/apps/web/dist ./apps/web/dist
USER node
EXPOSE 8080
CMD ["node", "--import", "tsx", "apps/bff/src/index.ts"]
