#!/usr/bin/env bash
# Builds a minimal .NET base image from Debian packages, for machines that cannot pull Microsoft's
# (mcr.microsoft.com/dotnet/aspnet:10.0, the default base of both images) and for the image tests.
#
#   deploy/docker/build-base-image.sh OUT.tar
#
# The root filesystem holds glibc, libstdc++, OpenSSL 3 and the CA bundle (Debian bookworm, by mmdebstrap's
# extract variant: no shell, no apt, no dpkg database), the user app (uid 1654, as in Microsoft's images), and the
# .NET and ASP.NET Core shared runtimes of this machine's SDK under /usr/share/dotnet, where the app host looks.
# No ICU: both apps run with InvariantGlobalization (Directory.Build.props), so the base does not carry it.
# The apps stay framework-dependent, so the same publish works on this base and on Microsoft's.
# The tarball is cached under /var/tmp/shop-base-image/KEY/, KEY being a hash of this script and the runtime
# version: a rerun with nothing changed copies the cached file. SHOP_BASE_IMAGE_CACHE moves the cache.
set -euo pipefail

out="${1:?usage: build-base-image.sh OUT.tar}"
suite=bookworm
packages=(libc6 libgcc-s1 libstdc++6 libssl3 ca-certificates tzdata)
dotnet_root="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}"
runtime_version="$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -1)"
[ -n "$runtime_version" ] || { echo "build-base-image.sh: no ASP.NET Core runtime under $dotnet_root/shared" >&2; exit 2; }
command -v mmdebstrap >/dev/null || { echo "build-base-image.sh: mmdebstrap is not installed (apt-get install mmdebstrap)" >&2; exit 2; }

key="$( { cat "$0"; echo "$runtime_version ${packages[*]}"; } | sha256sum | cut -c1-16)"
cache="${SHOP_BASE_IMAGE_CACHE:-/var/tmp/shop-base-image}/$key"
if [ -f "$cache/rootfs.tar" ]; then
  cp "$cache/rootfs.tar" "$out"
  exit 0
fi

mkdir -p "$cache"
root="$(mktemp -d /var/tmp/shop-base-root.XXXXXX)"
trap 'rm -rf "$root"' EXIT
include="$(IFS=,; echo "${packages[*]}")"
# extract: the packages' files only, no maintainer scripts (none of these needs one at run time, and there is no
# shell to run them); the steps below add what those scripts would have made (the CA bundle) and the rest.
mmdebstrap --quiet --format=directory --variant=extract --include="$include" "$suite" "$root"
mkdir -p "$root/etc/ssl/certs" "$root/tmp" "$root/app" "$root/usr/share/dotnet/shared"
cat "$root"/usr/share/ca-certificates/mozilla/*.crt > "$root/etc/ssl/certs/ca-certificates.crt"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654:app:/app:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\napp:x:1654:\n' > "$root/etc/group"
cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$root/usr/share/dotnet/"
cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$root/usr/share/dotnet/shared/"
ln -sf /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"
rm -rf "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/* "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root/dev"/*
tar -C "$root" --numeric-owner -cf "$cache/rootfs.tar.partial" .
mv "$cache/rootfs.tar.partial" "$cache/rootfs.tar"
cp "$cache/rootfs.tar" "$out"
