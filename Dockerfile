# Build plume and ship it with the demo corpus.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/plume ./cmd/plume

FROM debian:bookworm-slim
# CA certificates for HTTPS model endpoints (Albert API, Mistral, OpenAI).
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /srv/plume plume
COPY --from=build /out/plume /usr/local/bin/plume
COPY demo /srv/plume/demo
USER plume
EXPOSE 8080
ENTRYPOINT []
CMD ["plume", "serve"]
