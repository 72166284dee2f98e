FROM node:22-bookworm-slim
# fonts for the documents; poppler (pdftotext, pdftoppm) and LibreOffice Writer for the document checker (ADR 019, 023)
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk poppler-utils libreoffice-writer-nogui && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm install --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
RUN npx next build
EXPOSE 3000
# migrations, reference data and demo data once, then next start (DATABASE_URL points at the db service)
CMD ["npx", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/start.ts"]
