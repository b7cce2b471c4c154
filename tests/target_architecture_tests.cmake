# Tests of a cross-built Placard, run on the build machine under qemu-user
# (CMAKE_CROSSCOMPILING_EMULATOR, set by cmake/toolchains/debian-cross.cmake). The unit tests are
# discovered and run through the emulator by gtest_discover_tests; here, the screenshots.
#
# The target's binaries render the demo headless and each picture is compared with the reference
# that the build machine's own (amd64) build renders and checks (tests/golden/ref), with the same
# tolerance: the board shows what the development machine shows.
string(JOIN " " placard_runner ${CMAKE_CROSSCOMPILING_EMULATOR})
foreach(shot IN ITEMS "1920x1080 3" "1920x1080 7.6" "1920x1080 11.7" "1080x1920 3" "1280x720 3"
                      "1920x1080 5 drag-article" "1920x1080 3 channel-list")
  separate_arguments(shot)
  list(GET shot 0 size)
  list(GET shot 1 seconds)
  list(LENGTH shot words)
  if(words EQUAL 3)
    list(GET shot 2 script)
    set(name target.${PLACARD_TARGET_DEB_ARCH}_touch_${script}_at_${seconds}s)
    set(script_argument ${CMAKE_CURRENT_SOURCE_DIR}/golden/scripts/${script}.txt)
  else()
    set(name target.${PLACARD_TARGET_DEB_ARCH}_home_${size}_at_${seconds}s)
    set(script_argument "")
  endif()
  add_test(NAME ${name}
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/golden/golden_test.sh ${PLACARD_BIN}
            $<TARGET_FILE:placard-image-diff> ${CMAKE_CURRENT_SOURCE_DIR}/golden/ref
            ${PROJECT_SOURCE_DIR}/assets/demo ${size} ${seconds} ${script_argument})
  # The same environment as every test (the test fonts above all), and the emulator.
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "PLACARD_RUNNER=${placard_runner};${PLACARD_TEST_ENVIRONMENT}")
endforeach()
