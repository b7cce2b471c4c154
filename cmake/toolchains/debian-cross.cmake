# What the per-target toolchain files share: Debian's cross compilers
# (crossbuild-essential-<arch>), libraries of the target architecture, and qemu-user to run the
# target's programs (tests, screenshots) on the build machine.
#
# The target's libraries come from one of two places:
# - multiarch (the default): `dpkg --add-architecture <arch>` and the -dev packages installed as
#   <package>:<arch>, under /usr/lib/<triplet>. This is how a fresh Debian machine does it.
# - a sysroot: -DPLACARD_SYSROOT=<folder> (or the environment variable of that name), a folder
#   holding the target's packages unpacked (tools/cross-build makes one with mmdebstrap when
#   multiarch can't be used, for instance when the target's package index is out of step with
#   the build machine's, which stops multiarch from installing the same library for both).
#
# In: PLACARD_TARGET_TRIPLET, PLACARD_TARGET_PROCESSOR, PLACARD_TARGET_DEB_ARCH,
# PLACARD_TARGET_QEMU.

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR ${PLACARD_TARGET_PROCESSOR})
set(CMAKE_C_COMPILER ${PLACARD_TARGET_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${PLACARD_TARGET_TRIPLET}-g++)
# CPack names the package after the target, not after the build machine.
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${PLACARD_TARGET_DEB_ARCH})

if(NOT PLACARD_SYSROOT AND DEFINED ENV{PLACARD_SYSROOT})
  set(PLACARD_SYSROOT $ENV{PLACARD_SYSROOT})
endif()
# try_compile projects read this file again; hand the choice on to them.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES PLACARD_SYSROOT)

if(PLACARD_SYSROOT)
  set(CMAKE_SYSROOT ${PLACARD_SYSROOT})
  set(ENV{PKG_CONFIG_SYSROOT_DIR} ${PLACARD_SYSROOT})
  set(ENV{PKG_CONFIG_LIBDIR}
      "${PLACARD_SYSROOT}/usr/lib/${PLACARD_TARGET_TRIPLET}/pkgconfig:${PLACARD_SYSROOT}/usr/share/pkgconfig")
  # Headers-only packages for every architecture (nlohmann/json) are in the sysroot too.
  set(CMAKE_FIND_ROOT_PATH ${PLACARD_SYSROOT})
  # The target's dynamic loader and libraries are in the sysroot, not on the build machine.
  set(CMAKE_CROSSCOMPILING_EMULATOR ${PLACARD_TARGET_QEMU} -L ${PLACARD_SYSROOT})
  # dpkg-shlibdeps finds the libraries there, and their packages' shlibs and symbols files in
  # the sysroot's DEBIAN/ (tools/cross-build puts them there).
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${PLACARD_SYSROOT}/usr/lib/${PLACARD_TARGET_TRIPLET}
      ${PLACARD_SYSROOT}/lib/${PLACARD_TARGET_TRIPLET})
else()
  # Multiarch: the target's .pc files are under /usr/lib/<triplet>; never the build machine's.
  set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/${PLACARD_TARGET_TRIPLET}/pkgconfig:/usr/share/pkgconfig")
  unset(ENV{PKG_CONFIG_PATH})
  set(CMAKE_FIND_ROOT_PATH /)
  # libc6:<arch> puts the target's loader where the binaries look for it (/lib/ld-linux-*).
  set(CMAKE_CROSSCOMPILING_EMULATOR ${PLACARD_TARGET_QEMU})
endif()

# Programs (cmake, python3, tar) from the build machine; libraries and headers of the target.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
