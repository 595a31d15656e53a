# LabGuide container: build with the Swift 6.3 toolchain, run on a slim Debian with SQLite and libcurl.
#   docker build -t labguide .
#   docker run -p 8080:8080 -v labguide-data:/data labguide
#   docker run -p 8080:8080 -p 8081:8081 -v labguide-data:/data labguide serve --sandbox --public-host HOSTNAME
# Same layout and defaults as `make run`: labs/, Public/ and Templates/ beside the binary's working directory.

FROM swift:6.3-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libsqlite3-dev libcurl4-openssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# Resolve dependencies in their own layer so source edits do not refetch them.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product labguide --static-swift-stdlib \
 && cp "$(swift build -c release --show-bin-path)/labguide" /build/labguide

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends libsqlite3-0 libcurl4 ca-certificates curl tzdata python3 python3-venv \
 && rm -rf /var/lib/apt/lists/* \
 && python3 -m venv /opt/moto && /opt/moto/bin/pip install --no-cache-dir 'moto[server]' \
 && useradd --system --uid 10001 --create-home --home-dir /app labguide \
 && mkdir -p /data && chown labguide /data
WORKDIR /app
COPY --from=build /build/labguide /usr/local/bin/labguide
COPY Public ./Public
COPY Templates ./Templates
COPY labs ./labs
USER labguide
VOLUME ["/data"]
# 8081 is the sandbox endpoint learners' shells use (`serve --sandbox`; the web port + 1).
EXPOSE 8080 8081
ENV PATH=/opt/moto/bin:$PATH \
    LABGUIDE_HOST=0.0.0.0 \
    LABGUIDE_PORT=8080 \
    LABGUIDE_DATABASE=/data/labguide.sqlite \
    LABGUIDE_LABS=/app/labs
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["labguide"]
CMD ["serve"]
