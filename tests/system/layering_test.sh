#!/usr/bin/env bash
# layering_test.sh FIRMWARE_DIR
# The folders show the design, and this keeps them honest (issue 13): each layer includes only
# the layers under it, core links nothing, SDL stays in the display backend and the player's
# loop, the renderer reads snapshots (never the store), and the player and the content service
# never include each other.
set -uo pipefail
firmware=$1
failures=0
# layer: the folders its sources may include from.
declare -A allowed=(
  [core]="core"
  [text]="core text"
  [render]="core text render"
  [content]="core content"
  [runtime]="core text runtime"
  [player]="core text render content runtime player"
  [http]="core http"
  [mqtt]="core text runtime mqtt"
  [service]="core text render content runtime http mqtt service"
  [studio]="core text render content runtime http mqtt service player studio"
)
for layer in "${!allowed[@]}"; do
  while IFS= read -r line; do
    file=${line%%:*}
    folder=$(sed -n 's/.*#include "\([a-z_]*\)\/.*/\1/p' <<<"$line")
    if [[ " ${allowed[$layer]} " != *" $folder "* ]]; then
      echo "FAIL: $file includes from $folder/, which $layer/ must not use: ${line#*:}"
      failures=$((failures + 1))
    fi
  done < <(grep -rn '#include "[a-z_]*/' "$firmware/$layer" --include=*.cpp --include=*.hpp)
done
# SDL only in the SDL display backend (its KMS file descriptor apart) and the player's live loop.
while IFS= read -r file; do
  case ${file#"$firmware"/} in
    render/sdl_window_display.cpp | render/sdl_window_display.hpp) ;;
    render/sdl_kms_fd.cpp | player/player.cpp) ;;
    *) echo "FAIL: $file includes SDL"; failures=$((failures + 1)) ;;
  esac
done < <(grep -rl '#include <SDL' "$firmware")
# core is pure C++: it links nothing but the header-only nlohmann/json.
links=$(sed -n 's/.*target_link_libraries(placard_core \(.*\))/\1/p' "$firmware/core/CMakeLists.txt")
[ "$links" = "PUBLIC nlohmann_json::nlohmann_json" ] ||
  { echo "FAIL: placard_core links $links"; failures=$((failures + 1)); }
for library in ft2build hb.h unicode/ curl sodium png.h jpeglib fontconfig; do
  if grep -rln "#include <$library" "$firmware/core" | grep -q .; then
    echo "FAIL: core includes <$library>"; failures=$((failures + 1))
  fi
done
[ $failures -eq 0 ] || exit 1
echo "ok: the layers include only what is under them; core links nothing; SDL stays in the backend"
