# Sealflow service image: small, runs as a non-root user, base images pinned by tag.
# Build: docker build -t sealflow .   Run: see docs/operations.md and compose.yaml.

FROM node:20.18.1-bookworm-slim AS web
WORKDIR /build/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM python:3.11.11-slim-bookworm AS build
WORKDIR /build
RUN python -m venv /opt/sealflow
COPY pyproject.toml README.md ./
COPY src/ ./src/
COPY --from=web /build/src/sealflow/service/static/ ./src/sealflow/service/static/
RUN /opt/sealflow/bin/pip install --no-cache-dir --no-compile . \
    && find /opt/sealflow -name '__pycache__' -prune -exec rm -rf {} +

FROM python:3.11.11-slim-bookworm
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/sealflow --create-home sealflow
COPY --from=build /opt/sealflow /opt/sealflow
ENV PATH=/opt/sealflow/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    SEALFLOW_HOME=/var/lib/sealflow \
    SEALFLOW_AUTH=on \
    SEALFLOW_LOG_FORMAT=json
USER sealflow
WORKDIR /var/lib/sealflow
VOLUME /var/lib/sealflow
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)"]
ENTRYPOINT ["sealflow"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
