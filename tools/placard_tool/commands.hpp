// placard-tool's subcommands. Each takes the arguments after its name and returns the exit
// code: 0 success, 1 a problem with the input (reported one line each), 2 a usage error.
#pragma once

#include <string>
#include <vector>

namespace placard::tool {

using Arguments = std::vector<std::string>;

int import_text_command(const Arguments& arguments);
int validate_command(const Arguments& arguments);
int render_text_command(const Arguments& arguments);
int fetch_command(const Arguments& arguments);
int status_command(const Arguments& arguments);
int keygen_command(const Arguments& arguments);
int pack_command(const Arguments& arguments);
int sign_command(const Arguments& arguments);
int sign_feed_command(const Arguments& arguments);
int config_value_command(const Arguments& arguments);
int verify_command(const Arguments& arguments);
int import_command(const Arguments& arguments);
int push_command(const Arguments& arguments);
int notice_command(const Arguments& arguments);
int power_command(const Arguments& arguments);
int plays_command(const Arguments& arguments);
int serve_command(const Arguments& arguments);

}  // namespace placard::tool
