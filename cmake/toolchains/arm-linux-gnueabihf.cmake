# Cross-build for 32-bit Raspberry Pi OS / Debian armhf (ARMv7 with VFPv3-D16, Pi 2 and later):
#   cmake -S . -B build-armhf -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/arm-linux-gnueabihf.cmake
# tools/cross-build armhf installs what this needs and runs the whole build and its tests.
set(PLACARD_TARGET_TRIPLET arm-linux-gnueabihf)
set(PLACARD_TARGET_PROCESSOR arm)
set(PLACARD_TARGET_DEB_ARCH armhf)
set(PLACARD_TARGET_QEMU qemu-arm)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)
