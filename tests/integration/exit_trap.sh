# Sourced by the integration tests: on_main_exit CMD runs CMD when the test's own shell exits,
# never in one of its children.
# Why: a background command (`prog >>log 2>&1 & pid=$!`) is a copy of this shell until it execs,
# and bash 5.2 runs the inherited EXIT trap when that copy is killed by SIGTERM before the exec.
# A test that stops a process it has just started then removed its own work folder from under
# itself (integration.concurrent_writers did). $BASHPID cannot tell the copy apart in that
# window (it still reads the parent's id); /proc/self, read by the shell itself, can.
on_main_exit() {
  # shellcheck disable=SC2064  # $$ and CMD are meant to be expanded now.
  trap "read -r exit_trap_pid _ </proc/self/stat; [ \"\$exit_trap_pid\" != $$ ] || { $1; }" EXIT
}
