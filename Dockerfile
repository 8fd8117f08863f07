# nof1 in a container: the service with its embedded store in the /data volume.
#   docker build -t nof1 .
#   docker run -d --name nof1 --restart unless-stopped -p 8787:8787 -v nof1-data:/data nof1
#   docker logs nof1          # the first start prints the generated admin key once
# Not built on the development machine (no docker there); see README "Running under a supervisor".
FROM node:20-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    NOF1_DATA_DIR=/data

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
# The bundles `npm start` runs, built here: the service's user may not write /app.
RUN node src/bin/build-dist.js

# A user of its own; the data folder is the only place it writes (besides node_modules/.cache, for the
# embedded store's initialised-cluster snapshot, which falls back to /tmp when it cannot write there).
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin nof1 \
    && mkdir -p /data node_modules/.cache && chown nof1:nof1 /data node_modules/.cache
USER nof1
VOLUME ["/data"]
EXPOSE 8787

# node:20-slim has no curl: Node's own fetch asks /healthz (200 once the store answers).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8787)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# docker stop sends SIGTERM: npm passes it on to the service, which stops taking requests, finishes the
# ones in flight, closes the store and exits 0 (stop_grace_period / --time should exceed the slowest request).
STOPSIGNAL SIGTERM
CMD ["npm", "start"]
