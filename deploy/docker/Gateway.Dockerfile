# shop-gateway for Docker users: the silo-less build (CoHostSilo=false), an Orleans client of the silos.
#   docker build -f deploy/docker/Gateway.Dockerfile -t shop-gateway --build-arg REVISION="$(git rev-parse HEAD)" .
# The storefront (frontend/) must be built into ApiGateway/wwwroot first, or the SDK stage needs Node.js and npm.
ARG BASE=mcr.microsoft.com/dotnet/aspnet:10.0
ARG SDK=mcr.microsoft.com/dotnet/sdk:10.0

FROM ${SDK} AS build
WORKDIR /src
COPY . .
RUN dotnet publish ApiGateway/Shop.ApiGateway.csproj -c Release -p:CoHostSilo=false -o /app --nologo

FROM ${BASE}
ARG REVISION=unknown
ARG VERSION=1.0.0
ARG SOURCE=unknown
LABEL org.opencontainers.image.title="shop-gateway" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
# REST and health on 8080, gRPC over cleartext HTTP/2 on 5081.
EXPOSE 8080 5081
USER 1654
ENTRYPOINT ["dotnet", "/app/Shop.ApiGateway.dll"]
