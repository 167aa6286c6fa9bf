# One image for every Fabflow process: web (`fabflow serve`), workers (`fabflow worker`), migrations.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# The slicing engines of `slice` tasks (CuraEngine, PrusaSlicer) and Cura's machine definitions.
COPY scripts/install-slicers.sh ./scripts/
RUN scripts/install-slicers.sh /opt/fabflow/cura && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY server ./server
COPY graphql_schema ./graphql_schema
COPY web ./web
COPY jobs ./jobs
COPY migrations ./migrations
RUN pip install . \
    && useradd --create-home --uid 10001 fabflow \
    && mkdir -p /app/var/assets && chown -R fabflow /app/var

USER fabflow
EXPOSE 8000
CMD ["fabflow", "serve", "--host", "0.0.0.0"]
