# newsbrief: the bot (`npm start`) and its command line (`newsbrief …`) in one image.
#
#   docker build -t newsbrief .
#   docker run -d --env-file .env -v newsbrief-data:/data newsbrief
#
# The build stage compiles better-sqlite3's native module when no prebuilt binary can be
# downloaded (it needs python3, make and g++); the runtime stage carries only the result.

FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Dependencies only (tsx runs the TypeScript directly: there is no build step).
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY locales ./locales
COPY src ./src

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/newsbrief.db
WORKDIR /app
# The code stays root's and read-only to the bot; only /data is writable by it.
COPY --from=build /app /app
RUN ln -s /app/bin/newsbrief.js /usr/local/bin/newsbrief \
 && mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
# The webhook's port (BOT_MODE=webhook) and the metrics port (METRICS_PORT) when they are set.
EXPOSE 8080 9464
# Node answers SIGTERM itself (src/main.ts stops cleanly); `docker run --init` or compose's
# `init: true` reaps any children.
CMD ["node", "--import", "tsx", "src/main.ts"]
