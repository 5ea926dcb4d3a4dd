# The bot in a container: a build stage installs the package into a virtualenv; the final
# stage has that virtualenv and nothing else of the build (no compilers, no tests, no pip).
FROM python:3.12-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY storage ./storage
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir . \
    && /opt/venv/bin/pip uninstall --yes pip

FROM python:3.12-slim
# A fixed uid, so a volume's files keep their owner across rebuilds.
RUN useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin bot
COPY --from=build /opt/venv /opt/venv
# The archive, its lock file and the seeds folder live on the volume mounted at /data; a new
# named volume starts with the sample seeds copied from the image.
COPY --chown=10001:10001 seeds /data/seeds
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DATABASE_PATH=/data/archive.sqlite3 \
    SEEDS_DIR=/data/seeds \
    WEBHOOK_PORT=8080 \
    METRICS_PORT=8080
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
# /healthz answers 503 when the database refuses writes or the digest scheduler died.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)"]
STOPSIGNAL SIGTERM
CMD ["python", "-m", "bot"]
