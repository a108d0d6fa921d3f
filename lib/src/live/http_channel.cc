#include "live/http_channel.h"

#define CURL_DISABLE_TYPECHECK  // calls go through the pointers below, not the checked macros
#include <curl/curl.h>
#include <dlfcn.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <nlohmann/json.hpp>

namespace mcpolicy::live {
namespace {

using Json = nlohmann::ordered_json;

// JSON-RPC error code for a request the HTTP layer refused (the implementation-defined range).
constexpr int64_t kHttpError = -32001;

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool StartsWithI(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && IEquals(s.substr(0, prefix.size()), prefix);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// RFC 9110 token characters, for header names.
bool IsTokenChar(unsigned char c) {
  return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) !=
                                std::string_view::npos;
}

// Visible ASCII only: what the specification allows in a session id, and what we send back.
bool IsVisibleAscii(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

std::string Shorten(std::string_view s, size_t limit) {
  std::string out(s.substr(0, limit));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  if (s.size() > limit) out += "...";
  return out;
}

struct Response {
  std::string body;
  std::string content_type;
  std::string session_id;
  std::string location;
  uint64_t limit = 0;
  bool too_large = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* response = static_cast<Response*>(user);
  const size_t n = size * count;
  if (response->body.size() + n > response->limit) {
    response->too_large = true;
    return 0;  // aborts the transfer
  }
  response->body.append(data, n);
  return n;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* response = static_cast<Response*>(user);
  const size_t n = size * count;
  std::string_view line(data, n);
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string_view name = line.substr(0, colon);
  std::string_view value = Trim(line.substr(colon + 1));
  if (IEquals(name, "content-type")) response->content_type = std::string(value);
  if (IEquals(name, "mcp-session-id")) response->session_id = std::string(value);
  if (IEquals(name, "location")) response->location = std::string(value);
  return n;
}

// libcurl is loaded when the first HTTP channel opens, not linked: linked, it and its dozens of
// libraries would be loaded and relocated at every start of every command (about 4 ms, twice a
// small lint's whole run), for the one command that speaks HTTP.
struct CurlApi {
  decltype(&curl_global_init) global_init = nullptr;
  decltype(&curl_easy_init) easy_init = nullptr;
  decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&curl_easy_reset) easy_reset = nullptr;
  decltype(&curl_easy_setopt) easy_setopt = nullptr;
  decltype(&curl_easy_perform) easy_perform = nullptr;
  decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&curl_easy_strerror) easy_strerror = nullptr;
  decltype(&curl_slist_append) slist_append = nullptr;
  decltype(&curl_slist_free_all) slist_free_all = nullptr;
  std::string error;  // why it could not be loaded
};

template <typename F>
bool Bind(void* library, const char* name, F* out) {
  *out = reinterpret_cast<F>(dlsym(library, name));
  return *out != nullptr;
}

const CurlApi& Curl() {
  static const CurlApi api = [] {
    CurlApi a;
    void* library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      a.error = "HTTP needs libcurl (libcurl.so.4, Debian package libcurl4), which cannot be loaded";
      return a;
    }
    bool ok = Bind(library, "curl_global_init", &a.global_init) &&
              Bind(library, "curl_easy_init", &a.easy_init) &&
              Bind(library, "curl_easy_cleanup", &a.easy_cleanup) &&
              Bind(library, "curl_easy_reset", &a.easy_reset) &&
              Bind(library, "curl_easy_setopt", &a.easy_setopt) &&
              Bind(library, "curl_easy_perform", &a.easy_perform) &&
              Bind(library, "curl_easy_getinfo", &a.easy_getinfo) &&
              Bind(library, "curl_easy_strerror", &a.easy_strerror) &&
              Bind(library, "curl_slist_append", &a.slist_append) &&
              Bind(library, "curl_slist_free_all", &a.slist_free_all);
    if (!ok) {
      a.error = "the libcurl.so.4 found lacks functions mcpolicy needs";
    } else if (a.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      a.error = "libcurl could not be initialised";
    }
    return a;
  }();
  return api;
}

// A JSON-RPC error reply to request `id`, standing for an HTTP failure.
std::string ErrorReply(const Json& id, std::string message) {
  Json reply{{"jsonrpc", "2.0"},
             {"id", id},
             {"error", Json{{"code", kHttpError}, {"message", std::move(message)}}}};
  return reply.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string StatusText(long status) {
  switch (status) {
    case 400: return "HTTP 400 Bad Request";
    case 401: return "HTTP 401 Unauthorized (give credentials with --header)";
    case 403: return "HTTP 403 Forbidden";
    case 404: return "HTTP 404 Not Found";
    case 405: return "HTTP 405 Method Not Allowed";
    case 406: return "HTTP 406 Not Acceptable";
    case 415: return "HTTP 415 Unsupported Media Type";
    default: return "HTTP " + std::to_string(status);
  }
}

}  // namespace

std::vector<std::string> SseEvents(std::string_view body) {
  std::vector<std::string> events;
  std::string data;
  bool has_data = false;
  size_t at = 0;
  while (at <= body.size()) {
    size_t end = body.find_first_of("\r\n", at);
    const bool last = end == std::string_view::npos;
    std::string_view line = body.substr(at, last ? std::string_view::npos : end - at);
    if (line.empty()) {
      if (has_data) events.push_back(std::move(data));
      data.clear();
      has_data = false;
    } else if (line.front() != ':') {
      size_t colon = line.find(':');
      std::string_view field = line.substr(0, colon);
      std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
      if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      if (field == "data") {
        if (has_data) data.push_back('\n');
        data.append(value);
        has_data = true;
      }
    }
    if (last) break;
    at = end + 1;
    if (body[end] == '\r' && at < body.size() && body[at] == '\n') ++at;
  }
  if (has_data) events.push_back(std::move(data));
  return events;
}

HttpChannel::HttpChannel(HttpOptions options) : options_(std::move(options)) {}

std::unique_ptr<HttpChannel> HttpChannel::Open(HttpOptions options, std::string* error) {
  const std::string& url = options.url;
  if (!StartsWithI(url, "http://") && !StartsWithI(url, "https://")) {
    *error = "--url must start with http:// or https://";
    return nullptr;
  }
  if (!std::all_of(url.begin(), url.end(), [](char c) { return c > 0x20 && c != 0x7f; })) {
    *error = "--url must not contain spaces or control characters";
    return nullptr;
  }
  for (const std::string& header : options.headers) {
    size_t colon = header.find(':');
    std::string_view name = std::string_view(header).substr(0, colon);
    // The value may be a secret: the messages quote the name only.
    if (colon == std::string::npos || name.empty() ||
        !std::all_of(name.begin(), name.end(),
                     [](char c) { return IsTokenChar(static_cast<unsigned char>(c)); })) {
      *error = "--header takes 'Name: value' with a name of letters, digits and -";
      return nullptr;
    }
    if (header.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
      *error = "--header " + std::string(name) + ": the value must not contain a line break";
      return nullptr;
    }
  }
  const CurlApi& curl = Curl();
  if (!curl.error.empty()) {
    *error = curl.error;
    return nullptr;
  }
  std::unique_ptr<HttpChannel> channel(new HttpChannel(std::move(options)));
  channel->curl_ = curl.easy_init();
  if (channel->curl_ == nullptr) {
    *error = "could not start libcurl";
    return nullptr;
  }
  return channel;
}

HttpChannel::~HttpChannel() {
  CURL* curl = static_cast<CURL*>(curl_);
  if (curl == nullptr) return;
  if (!session_id_.empty()) {
    // Ends the session, as the specification asks of a client that is done (best effort).
    Curl().easy_reset(curl);
    curl_slist* headers = Curl().slist_append(nullptr, ("Mcp-Session-Id: " + session_id_).c_str());
    for (const std::string& h : options_.headers) headers = Curl().slist_append(headers, h.c_str());
    Curl().easy_setopt(curl, CURLOPT_URL, options_.url.c_str());
    Curl().easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "DELETE");
    Curl().easy_setopt(curl, CURLOPT_NOBODY, 1L);
    Curl().easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    Curl().easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    Curl().easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    Curl().easy_setopt(curl, CURLOPT_TIMEOUT_MS, 1000L);
    Curl().easy_perform(curl);
    Curl().slist_free_all(headers);
  }
  Curl().easy_cleanup(curl);
}

void HttpChannel::Remember(const std::string& message) {
  Json parsed = Json::parse(message, nullptr, false);
  if (!parsed.is_object()) return;
  auto result = parsed.find("result");
  if (result == parsed.end() || !result->is_object()) return;
  auto version = result->find("protocolVersion");
  if (version != result->end() && version->is_string() && IsVisibleAscii(version->get<std::string>())) {
    protocol_version_ = version->get<std::string>();
  }
}

void HttpChannel::QueueBody(std::string_view content_type, const std::string& body) {
  if (StartsWithI(Trim(content_type), "text/event-stream")) {
    for (std::string& event : SseEvents(body)) {
      Remember(event);
      queue_.push_back(std::move(event));
    }
    return;
  }
  Json parsed = Json::parse(body, nullptr, false);
  if (parsed.is_array()) {  // a batch
    for (const Json& message : parsed) {
      queue_.push_back(message.dump(-1, ' ', false, Json::error_handler_t::replace));
      Remember(queue_.back());
    }
    return;
  }
  if (Trim(body).empty()) return;
  queue_.push_back(body);  // the client counts a body that is not JSON as a skipped line
  Remember(body);
}

bool HttpChannel::Send(std::string_view message, Clock::time_point deadline, std::string* error) {
  Json parsed = Json::parse(message, nullptr, false);
  std::string method;
  Json id;  // null: a notification or a response
  if (parsed.is_object()) {
    if (parsed.contains("method") && parsed["method"].is_string()) {
      method = parsed["method"].get<std::string>();
      if (parsed.contains("id")) id = parsed["id"];
    }
    const Json* meta = nullptr;
    if (parsed.contains("params") && parsed["params"].is_object() &&
        parsed["params"].contains("_meta")) {
      meta = &parsed["params"]["_meta"];
    }
    if (meta != nullptr && meta->is_object()) {
      auto v = meta->find("io.modelcontextprotocol/protocolVersion");
      if (v != meta->end() && v->is_string() && IsVisibleAscii(v->get<std::string>())) {
        protocol_version_ = v->get<std::string>();
      }
    }
  }
  CURL* curl = static_cast<CURL*>(curl_);
  Curl().easy_reset(curl);
  curl_slist* headers = nullptr;
  headers = Curl().slist_append(headers, "Content-Type: application/json");
  headers = Curl().slist_append(headers, "Accept: application/json, text/event-stream");
  if (!method.empty() && IsVisibleAscii(method)) {
    headers = Curl().slist_append(headers, ("Mcp-Method: " + method).c_str());
  }
  if (!session_id_.empty()) {
    headers = Curl().slist_append(headers, ("Mcp-Session-Id: " + session_id_).c_str());
  }
  if (!protocol_version_.empty()) {
    headers = Curl().slist_append(headers, ("MCP-Protocol-Version: " + protocol_version_).c_str());
  }
  for (const std::string& h : options_.headers) headers = Curl().slist_append(headers, h.c_str());

  Response response;
  response.limit = options_.max_bytes;
  char curl_error[CURL_ERROR_SIZE] = {};
  const auto remaining =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  Curl().easy_setopt(curl, CURLOPT_URL, options_.url.c_str());
  Curl().easy_setopt(curl, CURLOPT_POST, 1L);
  Curl().easy_setopt(curl, CURLOPT_POSTFIELDS, message.data());
  Curl().easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(message.size()));
  Curl().easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  Curl().easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  Curl().easy_setopt(curl, CURLOPT_WRITEDATA, &response);
  Curl().easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  Curl().easy_setopt(curl, CURLOPT_HEADERDATA, &response);
  Curl().easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_error);
  Curl().easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  Curl().easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  Curl().easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  Curl().easy_setopt(curl, CURLOPT_USERAGENT, "mcpolicy/" MCPOLICY_VERSION);
  Curl().easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<int64_t>(remaining, 1)));
  const CURLcode code = Curl().easy_perform(curl);
  Curl().slist_free_all(headers);
  long status = 0;
  Curl().easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);

  if (code == CURLE_OPERATION_TIMEDOUT) return true;  // no reply in time: Receive says kTimeout
  if (response.too_large) {
    *error = "the server's response is larger than " + std::to_string(options_.max_bytes) +
             " bytes (--max-file-size)";
    return false;
  }
  if (code != CURLE_OK) {
    // The common failures in words of our own (libcurl's text carries timings); the rest, TLS
    // certificate problems above all, in libcurl's, which names the cause.
    std::string why = code == CURLE_COULDNT_RESOLVE_HOST ? "cannot resolve the host name"
                      : code == CURLE_COULDNT_CONNECT
                          ? "cannot connect (nothing listening, or refused)"
                          : Shorten(*curl_error ? curl_error : Curl().easy_strerror(code), 300);
    *error = "HTTP request failed: " + why;
    return false;
  }
  if (IsVisibleAscii(response.session_id) && response.session_id.size() <= 1024) {
    session_id_ = response.session_id;
  }
  if (status >= 300 && status < 400) {
    *error = "the server redirected (HTTP " + std::to_string(status) + ") to " +
             Shorten(response.location, 200) + "; mcpolicy does not follow redirects: give that URL";
    return false;
  }
  if (status >= 200 && status < 300) {
    QueueBody(response.content_type, response.body);
    return true;
  }
  // An HTTP error: the server's own JSON-RPC error when it sent one, else the status, as the
  // reply to this request.
  if (id.is_null()) {
    *error = StatusText(status) + " for " + (method.empty() ? std::string("a reply") : method);
    return false;
  }
  Json body = Json::parse(response.body, nullptr, false);
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    body["id"] = id;
    if (!body["error"].contains("code") || !body["error"]["code"].is_number_integer()) {
      body["error"]["code"] = kHttpError;
    }
    std::string text = body["error"].value("message", std::string());
    body["error"]["message"] = StatusText(status) + (text.empty() ? "" : ": " + text);
    queue_.push_back(body.dump(-1, ' ', false, Json::error_handler_t::replace));
    return true;
  }
  // A plain-text body says why in a sentence; an HTML error page would only be noise.
  std::string text = StatusText(status);
  if (StartsWithI(Trim(response.content_type), "text/plain") && !Trim(response.body).empty()) {
    text += ": " + Shorten(Trim(response.body), 200);
  }
  queue_.push_back(ErrorReply(id, std::move(text)));
  return true;
}

ReceiveStatus HttpChannel::Receive(Clock::time_point, std::string* message, std::string*) {
  if (queue_.empty()) return ReceiveStatus::kTimeout;
  *message = std::move(queue_.front());
  queue_.pop_front();
  return ReceiveStatus::kMessage;
}

}  // namespace mcpolicy::live
