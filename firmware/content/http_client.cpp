#include "content/http_client.hpp"

#include <curl/curl.h>

#include <cctype>
#include <memory>
#include <mutex>

namespace placard {
namespace {

struct Transfer {
    std::string body;
    std::size_t max_bytes = 0;
    bool too_large = false;
    std::string etag, last_modified;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* context) {
    auto* transfer = static_cast<Transfer*>(context);
    const std::size_t bytes = size * count;
    if (transfer->body.size() + bytes > transfer->max_bytes) {
        transfer->too_large = true;
        return 0;  // Aborts the transfer.
    }
    transfer->body.append(data, bytes);
    return bytes;
}

std::string header_value(std::string_view line, std::string_view name) {
    if (line.size() <= name.size() || line[name.size()] != ':') {
        return {};
    }
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) {
            return {};
        }
    }
    std::string_view value = line.substr(name.size() + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
        value.remove_prefix(1);
    }
    while (!value.empty() &&
           (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
        value.remove_suffix(1);
    }
    return std::string(value);
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* context) {
    auto* transfer = static_cast<Transfer*>(context);
    const std::string_view line(data, size * count);
    if (auto etag = header_value(line, "etag"); !etag.empty()) {
        transfer->etag = etag;
    }
    if (auto modified = header_value(line, "last-modified"); !modified.empty()) {
        transfer->last_modified = modified;
    }
    return size * count;
}

void initialise_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

std::string resolve_url(const std::string& base, const std::string& relative) {
    const auto slash = base.rfind('/');
    const auto scheme = base.find("://");
    if (slash == std::string::npos || scheme == std::string::npos || slash < scheme + 3) {
        return base + "/" + relative;
    }
    return base.substr(0, slash + 1) + relative;
}

Result<HttpResponse> http_get(const HttpRequest& request) {
    initialise_curl_once();
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) {
        return make_error(ErrorKind::Failed, request.url + ": libcurl cannot start");
    }
    Transfer transfer;
    transfer.max_bytes = request.max_bytes;
    curl_slist* headers = nullptr;
    if (!request.if_none_match.empty()) {
        headers = curl_slist_append(headers, ("If-None-Match: " + request.if_none_match).c_str());
    }
    if (!request.if_modified_since.empty()) {
        headers =
            curl_slist_append(headers, ("If-Modified-Since: " + request.if_modified_since).c_str());
    }
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                            &curl_slist_free_all);
    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(handle, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(request.connect_timeout_s * 1000));
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout_s * 1000));
    curl_easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_USERAGENT, "Placard/0.1");
    const CURLcode result = curl_easy_perform(handle);
    if (transfer.too_large || result == CURLE_FILESIZE_EXCEEDED) {
        return make_error(ErrorKind::TooLarge, request.url + ": larger than the limit of " +
                                                   std::to_string(request.max_bytes) + " bytes");
    }
    if (result == CURLE_OPERATION_TIMEDOUT) {
        return make_error(ErrorKind::Failed,
                          request.url + ": timed out (" + curl_easy_strerror(result) + ")");
    }
    if (result != CURLE_OK) {
        return make_error(ErrorKind::Failed, request.url + ": " + curl_easy_strerror(result));
    }
    HttpResponse response;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
    if (response.status != 200 && response.status != 304 &&
        !(request.not_found_is_an_answer && response.status == 404)) {
        return make_error(response.status == 404 ? ErrorKind::NotFound : ErrorKind::Failed,
                          request.url + ": HTTP status " + std::to_string(response.status));
    }
    response.body = std::move(transfer.body);
    response.etag = std::move(transfer.etag);
    response.last_modified = std::move(transfer.last_modified);
    return response;
}

Result<HttpResponse> http_post(const std::string& url, const std::string& body,
                               const std::string& authorization, double timeout_s) {
    initialise_curl_once();
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) {
        return make_error(ErrorKind::Failed, url + ": libcurl cannot start");
    }
    Transfer transfer;
    transfer.max_bytes = 1024 * 1024;
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/octet-stream");
    if (!authorization.empty()) {
        headers = curl_slist_append(headers, ("Authorization: " + authorization).c_str());
    }
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                            &curl_slist_free_all);
    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_s * 1000));
    curl_easy_setopt(handle, CURLOPT_POST, 1L);
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
    const CURLcode result = curl_easy_perform(handle);
    if (result != CURLE_OK && result != CURLE_SEND_ERROR && result != CURLE_RECV_ERROR) {
        return make_error(ErrorKind::Failed, url + ": " + curl_easy_strerror(result));
    }
    HttpResponse response;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
    if (response.status == 0) {
        return make_error(ErrorKind::Failed, url + ": " + curl_easy_strerror(result));
    }
    response.body = std::move(transfer.body);
    return response;
}

}  // namespace placard
