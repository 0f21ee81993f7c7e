# shop-silo for Docker users (the SDK's `dotnet publish -t:PublishContainer` builds the same image without Docker).
#   docker build -f deploy/docker/Silo.Dockerfile -t shop-silo --build-arg REVISION="$(git rev-parse HEAD)" .
ARG BASE=mcr.microsoft.com/dotnet/aspnet:10.0
ARG SDK=mcr.microsoft.com/dotnet/sdk:10.0

FROM ${SDK} AS build
WORKDIR /src
COPY . .
RUN dotnet publish Silo/Shop.Silo.csproj -c Release -o /app --nologo

FROM ${BASE}
ARG REVISION=unknown
ARG VERSION=1.0.0
ARG SOURCE=unknown
LABEL org.opencontainers.image.title="shop-silo" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
# HTTP (health, metrics), silo-to-silo, Orleans client gateway.
EXPOSE 8080 11111 30000
USER 1654
ENTRYPOINT ["dotnet", "/app/Shop.Silo.dll"]
