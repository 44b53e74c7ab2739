#!/usr/bin/env bash
# Builds Paja's AppImage from the Debian package Tauri's bundler made, offline,
# from parts that come from package registries alone:
#   - the app's files (binary, desktop entry, icon, file type) from the .deb;
#   - WebKitGTK, GTK and the libraries they need from this Debian system;
#   - the AppImage runtime (AppImageKit's type 2 runtime), which the `appimage`
#     crate on crates.io ships as assets/runtime-x86_64;
#   - mksquashfs and patchelf from Debian (squashfs-tools, patchelf).
# Tauri's own AppImage bundler downloads linuxdeploy, its GTK plugin and AppRun
# from GitHub at build time, which a machine that reaches only registries cannot.
#
# Usage: appimage.sh PACKAGE.deb OUT.AppImage
set -euo pipefail

deb=$(readlink -f "$1")
out=$2
here=$(dirname "$(readlink -f "$0")")
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
syslib=/usr/lib/$multiarch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
appdir=$work/Paja.AppDir
lib=$appdir/usr/lib/$multiarch

# Libraries every desktop already has, and that must match its kernel, drivers,
# X server or font setup: taken from the system, never bundled.
host_libs='^(ld-linux.*|libc|libdl|libm|libmvec|libpthread|librt|libresolv|libutil|libnsl|libanl|libthread_db|libBrokenLocale|libGL|libGLX|libGLdispatch|libEGL|libOpenGL|libGLESv2|libglapi|libgbm|libdrm|libvulkan|libX11|libX11-xcb|libxcb|libxcb-.*|libICE|libSM|libfontconfig|libfreetype|libharfbuzz|libexpat|libz|libasound|libcom_err|libgpg-error|libudev|libsystemd)\.so'

runtime() {
  # `cargo metadata` fetches the crate from crates.io and says where it unpacked it.
  local probe=$work/runtime-probe
  mkdir -p "$probe/src"
  : >"$probe/src/lib.rs"
  printf '[package]\nname = "probe"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nappimage = "=0.4.0"\n[workspace]\n' >"$probe/Cargo.toml"
  cargo metadata --quiet --format-version 1 --manifest-path "$probe/Cargo.toml" |
    node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const p = m.packages.find((p) => p.name === "appimage");
      console.log(require("path").join(require("path").dirname(p.manifest_path), "assets", "runtime-x86_64"));'
}

elf_files() { # every program and library in the AppDir
  find "$appdir" -type f \( -perm -u+x -o -name '*.so*' \) | while read -r path; do
    [ "$(head -c 4 "$path")" != $'\x7fELF' ] || echo "$path"
  done
}

copy_tree() { # copies system paths into the AppDir, keeping their place under /usr
  for path in "$@"; do
    mkdir -p "$appdir$(dirname "$path")"
    cp -a "$path" "$appdir$(dirname "$path")/"
  done
}

[ "$multiarch" = x86_64-linux-gnu ] || { echo "The AppImage runtime used here is for x86_64 only, not $multiarch." >&2; exit 1; }

dpkg-deb -x "$deb" "$appdir"
install -m 755 "$here/AppRun" "$appdir/AppRun"
sed -i "s|@MULTIARCH@|$multiarch|" "$appdir/AppRun"
cp "$appdir/usr/share/applications/Paja.desktop" "$appdir/paja.desktop"
cp "$appdir/usr/share/icons/hicolor/512x512/apps/paja-desktop.png" "$appdir/paja-desktop.png"
ln -s paja-desktop.png "$appdir/.DirIcon"

# WebKit's helper processes, GTK's modules, image loaders, TLS for GIO, settings schemas.
copy_tree "$syslib/webkit2gtk-4.1" "$syslib/gtk-3.0" "$syslib/gdk-pixbuf-2.0"
rm -f "$lib/webkit2gtk-4.1/MiniBrowser"
mkdir -p "$lib/gio/modules"
cp "$syslib/gio/modules/libgiognutls.so" "$lib/gio/modules/"
mkdir -p "$appdir/usr/share/glib-2.0/schemas"
cp /usr/share/glib-2.0/schemas/*.xml "$appdir/usr/share/glib-2.0/schemas/"
glib-compile-schemas "$appdir/usr/share/glib-2.0/schemas"
# The loaders' cache names each loader by its full path on this system: name it
# by file alone, found beside the library that loads it.
loaders=gdk-pixbuf-2.0/2.10.0/loaders
sed -i "s|$syslib/$loaders/||" "$lib/gdk-pixbuf-2.0/2.10.0/loaders.cache"
ln -s "$loaders"/*.so "$lib/"

# Every library these programs load, less those the system keeps.
elf_files | xargs -r ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u |
  while read -r so; do
    name=$(basename "$so")
    [[ $name =~ $host_libs ]] || [ -e "$lib/$name" ] || cp -L "$so" "$lib/$name"
  done
# Each program and library looks for libraries in the image first, through a path
# relative to itself, so that nothing the app starts (a file manager) inherits them.
elf_files | while read -r elf; do
  patchelf --set-rpath "\$ORIGIN/$(realpath --relative-to="$(dirname "$elf")" "$lib")" "$elf"
done

# WebKitGTK looks for its helpers under /usr/lib/…; point it at usr/ in the image
# (AppRun runs the app from there). The replacement keeps the length.
sed -i 's|/usr|././|g' "$lib"/libwebkit2gtk-4.1.so.*

mksquashfs "$appdir" "$work/paja.squashfs" -root-owned -noappend -quiet -no-progress -comp gzip
mkdir -p "$(dirname "$out")"
cat "$(runtime)" "$work/paja.squashfs" >"$out.part"
chmod 755 "$out.part"
mv "$out.part" "$out"
echo "AppImage: $out ($(du -h "$out" | cut -f1))"
