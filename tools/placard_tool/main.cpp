// placard-tool: the admin's command-line tool (ARCHITECTURE.md, "Command-line contracts").
#include <cstdio>
#include <cstring>

#include "commands.hpp"
#include "runtime/log.hpp"

namespace {

constexpr const char* kUsage =
    "usage: placard-tool COMMAND [ARGS]\n"
    "  import-text [--id ID] [--channel ID] FILE\n"
    "      turn an article in the seed page's plain-text form into feed JSON (stdout)\n"
    "  validate PATH\n"
    "      check a bundle folder or a feed.json: exit 0, or 1 with one \"where: what\" line\n"
    "      per problem\n"
    "  render-text [--font-size PX] [--width PX] [--justify] [--normalize-punctuation]\n"
    "              [--lines-json OUT] --out OUT.png INPUT.txt\n"
    "      set each line of INPUT.txt as a body paragraph and write a PNG\n"
    "  fetch [--config FILE]\n"
    "      poll the configured feed once into the content store\n"
    "  status [--config FILE]\n"
    "      the store's current version, where and when it came from, the last error\n"
    "  keygen NAME\n"
    "      make a signing key: NAME.key (secret) and NAME.pub (for trusted_key)\n"
    "  pack DIR OUT.placard --key NAME.key [--site SITE] [--valid-days N]\n"
    "      put a bundle folder into one file, signed with the key for SITE (default: the\n"
    "      feed's site.name) until N days from now (default 90)\n"
    "  sign BUNDLE NAME.key [--site SITE] [--valid-days N]\n"
    "      sign (or re-sign) a bundle file\n"
    "  sign-feed DIR --key NAME.key [--site SITE] [--valid-days N]\n"
    "      sign a feed folder in place (writes DIR/feed.json.sig), ready for any web server\n"
    "  config-value KEY [--config FILE]\n"
    "      print the value of KEY as the device reads its configuration\n"
    "  verify BUNDLE (--key NAME.pub | --config FILE)\n"
    "      check a bundle's signature and manifest\n"
    "  import BUNDLE [--config FILE]\n"
    "      take a signed bundle into the device's content store\n"
    "  push URL BUNDLE [--token TOKEN]\n"
    "      upload a signed bundle to a device (URL like http://screen:8787/bundle; the token\n"
    "      may also come from PLACARD_UPLOAD_TOKEN)\n"
    "  notice OUT.placard --key NAME.key --site SITE --id ID --level LEVEL --text TEXT\n"
    "         [--title TITLE] [--minutes N] [--starts TIME] [--issued TIME]\n"
    "      make a signed urgent notice (LEVEL: information, warning, urgent) to push or put\n"
    "      on a USB stick; shown at once, for N minutes (default 60)\n"
    "  notice OUT.placard --key NAME.key --site SITE --cancel ID [--all-clear TEXT]\n"
    "         [--all-clear-minutes N] [--issued TIME]\n"
    "      end notice ID, with an all-clear card (解除) for N minutes (default 5)\n"
    "  notice OUT.placard --key NAME.key --site SITE --from-cap ALERT.xml --area CODE\n"
    "         [--cap-exercises]\n"
    "      the notice of a CAP 1.2 alert (GB/T 35965.1) for the screens of division CODE\n"
    "      (GB/T 2260); exit 3 when the alert is for another area\n"
    "  plays [--since DATE] [--format csv|json] [--config FILE]\n"
    "      the play log: banners, excerpts and notices shown, hourly sums, visitor sessions\n"
    "  power test\n"
    "      switch the display off and on once (HDMI-CEC, then DRM DPMS) and say which worked\n"
    "  serve [--config FILE]\n"
    "      the device's content service: feed polling, inbox, upload endpoint\n";

}  // namespace

int main(int argc, char** argv) {
    placard::set_log_program("placard-tool");
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    const placard::tool::Arguments arguments(argv + 2, argv + argc);
    if (command == "import-text") {
        return placard::tool::import_text_command(arguments);
    }
    if (command == "validate") {
        return placard::tool::validate_command(arguments);
    }
    if (command == "render-text") {
        return placard::tool::render_text_command(arguments);
    }
    if (command == "fetch") {
        return placard::tool::fetch_command(arguments);
    }
    if (command == "status") {
        return placard::tool::status_command(arguments);
    }
    if (command == "keygen") {
        return placard::tool::keygen_command(arguments);
    }
    if (command == "pack") {
        return placard::tool::pack_command(arguments);
    }
    if (command == "sign") {
        return placard::tool::sign_command(arguments);
    }
    if (command == "sign-feed") {
        return placard::tool::sign_feed_command(arguments);
    }
    if (command == "config-value") {
        return placard::tool::config_value_command(arguments);
    }
    if (command == "verify") {
        return placard::tool::verify_command(arguments);
    }
    if (command == "import") {
        return placard::tool::import_command(arguments);
    }
    if (command == "push") {
        return placard::tool::push_command(arguments);
    }
    if (command == "notice") {
        return placard::tool::notice_command(arguments);
    }
    if (command == "plays") {
        return placard::tool::plays_command(arguments);
    }
    if (command == "power") {
        return placard::tool::power_command(arguments);
    }
    if (command == "serve") {
        return placard::tool::serve_command(arguments);
    }
    placard::log_error("unknown command \"" + command + "\" (see placard-tool --help)");
    return 2;
}
