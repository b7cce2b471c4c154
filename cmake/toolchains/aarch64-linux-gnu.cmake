# Cross-build for 64-bit Raspberry Pi OS / Debian arm64 (Pi 3, 4, 5):
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake
# tools/cross-build arm64 installs what this needs (Debian's cross compiler and the arm64
# -dev packages, multiarch) and runs the whole build and its tests.
set(PLACARD_TARGET_TRIPLET aarch64-linux-gnu)
set(PLACARD_TARGET_PROCESSOR aarch64)
set(PLACARD_TARGET_DEB_ARCH arm64)
set(PLACARD_TARGET_QEMU qemu-aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)
