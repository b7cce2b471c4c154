// Linked into every test program (tests/CMakeLists.txt, placard_test_program): before main, and
// so before fontconfig first reads its configuration, points fontconfig at the test fonts of
// tests/fonts and nothing else — however the program is started (ctest, valgrind, by hand),
// what it draws does not depend on the fonts the machine has.
#include <cstdlib>

namespace {

const bool kTestFontsChosen = [] {
    return ::setenv("FONTCONFIG_FILE", PLACARD_TEST_FONTCONFIG, 1) == 0;
}();

}  // namespace
