# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image builds and publishes, the smaller ASP.NET runtime image runs as a non-root user.
# Browser libraries (lightweight-charts) from package-lock.json; the web build copies them into wwwroot/lib.
FROM node:20-bookworm-slim AS npm
WORKDIR /src/AlgoTrade.Web
COPY AlgoTrade.Web/package.json AlgoTrade.Web/package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props dotnet-tools.json ./
COPY AlgoTrade.Core/AlgoTrade.Core.csproj AlgoTrade.Core/
COPY AlgoTrade.Hosting/AlgoTrade.Hosting.csproj AlgoTrade.Hosting/
COPY AlgoTrade.Web/AlgoTrade.Web.csproj AlgoTrade.Web/
COPY AlgoTrade.Cli/AlgoTrade.Cli.csproj AlgoTrade.Cli/
RUN dotnet restore AlgoTrade.Web/AlgoTrade.Web.csproj && dotnet restore AlgoTrade.Cli/AlgoTrade.Cli.csproj
COPY AlgoTrade.Core/ AlgoTrade.Core/
COPY AlgoTrade.Hosting/ AlgoTrade.Hosting/
COPY AlgoTrade.Web/ AlgoTrade.Web/
COPY --from=npm /src/AlgoTrade.Web/node_modules AlgoTrade.Web/node_modules
COPY AlgoTrade.Cli/ AlgoTrade.Cli/
RUN dotnet publish AlgoTrade.Web/AlgoTrade.Web.csproj -c Release -o /app/web --no-restore \
 && dotnet publish AlgoTrade.Cli/AlgoTrade.Cli.csproj -c Release -o /app/cli --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/web ./
COPY --from=build /app/cli ./cli/
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true
# The image's built-in non-root user (uid 1654); logs go to a writable folder it owns.
RUN mkdir -p /app/logs && chown app:app /app/logs
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "AlgoTrade.Web.dll"]
