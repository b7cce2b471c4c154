#include "http/request_fields.hpp"
#include "runtime/log.hpp"
#include "studio/audit_log.hpp"
#include "studio/studio_answers.hpp"
#include "studio/studio_routes.hpp"
#include "studio/users.hpp"

namespace placard {

namespace {

constexpr std::uint64_t kMaxSignInForm = 4096;

HttpAnswer refused_sign_in(const StudioContext& studio, int status, std::string_view message) {
    return page_answer(studio, "sign-in.html", status, message);
}

// The address a sign-in comes from. Behind a reverse proxy on the same machine (nginx for TLS,
// README) every request comes from loopback, and the proxy names the browser's address in
// X-Real-IP; only a loopback peer may say so, and only an address-like value is taken.
std::string client_address(const HttpExchange& exchange) {
    const std::string& peer = exchange.peer();
    if (peer != "127.0.0.1" && peer != "::1") {
        return peer;
    }
    auto real = exchange.head().field("x-real-ip");
    if (!real || !*real || (*real)->empty() || (*real)->size() > 45 ||
        (*real)->find_first_not_of("0123456789abcdefABCDEF.:") != std::string::npos) {
        return peer;
    }
    return **real;
}

}  // namespace

std::optional<Session> request_session(StudioContext& studio, const HttpRequestHead& head) {
    const std::string token = cookie_value(head, kSessionCookie);
    if (token.empty()) {
        return std::nullopt;
    }
    return find_session(studio.db(), token, studio.now());
}

// POST /sign-in with the form's fields `user` and `password`. The throttle is asked before the
// password is checked, so a name under attack costs no hashing; every answer but success is
// the sign-in page again with the reason.
void handle_sign_in(StudioContext& studio, HttpExchange& exchange) {
    auto body = exchange.read_small_body(kMaxSignInForm);
    if (!body) {
        return;
    }
    auto form = parse_form(*body);
    if (!form || !form->contains("user") || !form->contains("password")) {
        exchange.answer(refused_sign_in(studio, 400, "请填写用户名和密码。"));
        return;
    }
    const std::string& name = (*form)["user"];
    const std::int64_t now = studio.now();
    const std::string address = client_address(exchange);
    if (const auto wait = studio.throttle.begin_attempt(name, address, now); wait > 0) {
        HttpAnswer answer = refused_sign_in(
            studio, 429, "尝试次数过多，请 " + std::to_string((wait + 59) / 60) + " 分钟后再试。");
        answer.fields.emplace_back("Retry-After", std::to_string(wait));
        exchange.answer(answer);
        return;
    }
    auto user = check_password(studio.db(), name, (*form)["password"]);
    if (!user) {
        // Answered first, then written down: the time of the answer does not tell whether the
        // name exists (only a known name's refusal goes into the audit log).
        exchange.answer(refused_sign_in(studio, 401, "用户名或密码不正确。"));
        if (find_user(studio.db(), name)) {
            record_audit(studio.db(), {now, name, "sign-in refused", "from " + address});
        }
        log_warning("studio: a wrong user name or password from " + address);
        return;
    }
    studio.throttle.succeeded(name, address);
    const std::string token = start_session(studio.db(), *user, now);
    if (token.empty()) {
        exchange.answer(refused_sign_in(studio, 500, "无法登录：数据库出错。"));
        return;
    }
    record_audit(studio.db(), {now, user->name, "signed in", "from " + address});
    HttpAnswer answer = redirect_answer("/studio");
    answer.fields.emplace_back("Set-Cookie", session_cookie(studio, token));
    exchange.answer(answer);
}

void handle_sign_out(StudioContext& studio, HttpExchange& exchange, const Session& session) {
    end_session(studio.db(), cookie_value(exchange.head(), kSessionCookie));
    record_audit(studio.db(), {studio.now(), session.user.name, "signed out", ""});
    HttpAnswer answer = json_answer(200, nlohmann::json{{"signed_out", true}});
    answer.fields.emplace_back("Set-Cookie", session_cookie(studio, ""));
    exchange.answer(answer);
}

}  // namespace placard
