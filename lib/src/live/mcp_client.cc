#include "live/mcp_client.h"

#include <algorithm>
#include <set>
#include <utility>

namespace mcpolicy::live {
namespace {

using Json = nlohmann::ordered_json;

constexpr int64_t kMethodNotFound = -32601;

Json ClientInfo() {
  return Json{{"name", "mcpolicy"}, {"version", MCPOLICY_VERSION}};
}

std::string ServerText(const Json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

// The versions an error names as supported (UnsupportedProtocolVersionError carries them in
// data.supported), or nullopt when it names none: then it is not an error of the modern era.
std::optional<std::vector<std::string>> SupportedVersions(const Json& data) {
  if (!data.is_object()) return std::nullopt;
  auto it = data.find("supported");
  if (it == data.end() || !it->is_array() || it->empty()) return std::nullopt;
  std::vector<std::string> versions;
  for (const Json& v : *it) {
    if (!v.is_string()) return std::nullopt;
    versions.push_back(v.get<std::string>());
  }
  return versions;
}

// serverInfo.name and .version of a discover or initialize result, when present.
void ReadServerInfo(const Json& result, ToolList* out) {
  if (!result.is_object()) return;
  auto info = result.find("serverInfo");
  if (info == result.end() || !info->is_object()) return;
  out->server_name = ServerText(info->value("name", Json()));
  out->server_version = ServerText(info->value("version", Json()));
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

}  // namespace

std::string DescribeRpcError(int64_t code, const std::string& message) {
  std::string out = "error " + std::to_string(code);
  if (!message.empty()) out += " \"" + message + "\"";
  return out;
}

Json McpClient::Meta() const {
  return Json{{"io.modelcontextprotocol/protocolVersion", version_},
              {"io.modelcontextprotocol/clientCapabilities", Json::object()},
              {"io.modelcontextprotocol/clientInfo", ClientInfo()}};
}

int64_t McpClient::Send(std::string_view method, Json params, std::string* error) {
  int64_t id = next_id_++;
  Json request{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
  if (!channel_->Send(request.dump(), Clock::now() + options_.reply_timeout, error)) return -1;
  return id;
}

bool McpClient::Notify(std::string_view method, std::string* error) {
  Json note{{"jsonrpc", "2.0"}, {"method", method}};
  return channel_->Send(note.dump(), Clock::now() + options_.reply_timeout, error);
}

void McpClient::Handle(const Json& message) {
  if (message.is_array()) {
    for (const Json& m : message) Handle(m);
    return;
  }
  if (!message.is_object()) {
    ++skipped_lines_;
    return;
  }
  auto method = message.find("method");
  auto id = message.find("id");
  if (method != message.end()) {
    if (id == message.end() || !method->is_string()) return;  // a notification
    Json answer{{"jsonrpc", "2.0"}, {"id", *id}};
    const std::string name = method->get<std::string>();
    if (name == "ping") {
      answer["result"] = Json::object();
    } else if (name == "roots/list") {
      answer["result"] = Json{{"roots", Json::array()}};
    } else if (name == "elicitation/create") {
      answer["result"] = Json{{"action", "decline"}};
    } else {
      answer["error"] = Json{{"code", kMethodNotFound}, {"message", "Method not found"}};
    }
    ++answered_;
    std::string ignored;
    channel_->Send(answer.dump(), Clock::now() + options_.reply_timeout, &ignored);
    return;
  }
  if (id == message.end() || !id->is_number_integer()) return;
  Reply reply;
  auto result = message.find("result");
  auto err = message.find("error");
  if (result != message.end()) {
    reply.ok = true;
    reply.result = *result;
  } else if (err != message.end() && err->is_object()) {
    auto code = err->find("code");
    reply.code = code != err->end() && code->is_number_integer() ? code->get<int64_t>() : 0;
    auto text = err->find("message");
    reply.message = text != err->end() ? ServerText(*text) : "";
    auto data = err->find("data");
    if (data != err->end()) reply.data = *data;
  } else {
    return;
  }
  replies_[id->get<int64_t>()] = std::move(reply);
}

McpClient::Wait McpClient::Await(int64_t id, Reply* reply, std::string* error) {
  return Await(id, reply, error, options_.reply_timeout);
}

McpClient::Wait McpClient::Await(int64_t id, Reply* reply, std::string* error,
                                 std::chrono::milliseconds wait) {
  const Clock::time_point deadline = Clock::now() + wait;
  std::string line;
  for (;;) {
    auto found = replies_.find(id);
    if (found != replies_.end()) {
      *reply = std::move(found->second);
      replies_.erase(found);
      return Wait::kReply;
    }
    switch (channel_->Receive(deadline, &line, error)) {
      case ReceiveStatus::kMessage: {
        Json message = Json::parse(line, nullptr, false);
        if (message.is_discarded()) {
          if (line.find_first_not_of(" \t\r") != std::string::npos) ++skipped_lines_;
        } else {
          Handle(message);
        }
        break;
      }
      case ReceiveStatus::kTimeout:
        return Wait::kTimeout;
      case ReceiveStatus::kClosed:
        *error = "the server closed its output before answering";
        return Wait::kFailed;
      case ReceiveStatus::kError:
        return Wait::kFailed;
    }
  }
}

bool McpClient::ListTools(ToolList* out, std::string* error) {
  auto text_of = [](std::chrono::milliseconds ms) {
    const std::string seconds = std::to_string(static_cast<double>(ms.count()) / 1000.0);
    return seconds.substr(0, seconds.find('.') + 2) + " s";
  };
  const std::chrono::milliseconds probe_wait = std::min(options_.probe_timeout, options_.reply_timeout);
  version_ = std::string(kModernVersion);
  int64_t probe = Send("server/discover", Json{{"_meta", Meta()}}, error);
  if (probe < 0) return false;
  Reply reply;
  Wait wait = Await(probe, &reply, error, probe_wait);
  if (wait == Wait::kFailed) return false;
  bool modern = false;
  std::string probe_answer = "no answer in " + text_of(probe_wait);
  if (wait == Wait::kReply && reply.ok) {
    modern = true;
  } else if (wait == Wait::kReply) {
    probe_answer = DescribeRpcError(reply.code, reply.message);
    if (auto versions = SupportedVersions(reply.data)) {
      bool speaks_modern = false, speaks_legacy = false;
      for (const std::string& v : *versions) {
        speaks_modern |= v == kModernVersion;
        speaks_legacy |= v == kLegacyVersion;
      }
      if (!speaks_modern && !speaks_legacy) {
        *error = "the server supports MCP versions " + Join(*versions) + "; mcpolicy speaks " +
                 std::string(kModernVersion) + " and " + std::string(kLegacyVersion);
        return false;
      }
      modern = speaks_modern;
    }
  }
  if (modern) {
    ReadServerInfo(reply.result, out);
    out->era = std::string(kModernVersion) + " (stateless)";
    out->protocol_version = version_;
  } else {
    Json params{{"protocolVersion", kLegacyVersion},
                {"capabilities", Json::object()},
                {"clientInfo", ClientInfo()}};
    int64_t init = Send("initialize", std::move(params), error);
    if (init < 0) return false;
    Reply init_reply;
    // The probe's unused time is added to this wait, so a server gets the whole 2 x timeout it
    // had before the probe was shortened to answer anything (a modern server slow to start).
    const std::chrono::milliseconds init_limit = 2 * options_.reply_timeout - probe_wait;
    Wait init_wait = Await(init, &init_reply, error, init_limit);
    if (init_wait == Wait::kFailed) return false;
    auto late = replies_.find(probe);
    if (init_wait == Wait::kReply && init_reply.ok) {
      const Json& result = init_reply.result;
      if (result.is_object()) {
        out->protocol_version = ServerText(result.value("protocolVersion", Json()));
      }
      ReadServerInfo(result, out);
      if (!Notify("notifications/initialized", error)) return false;
      out->era = (out->protocol_version.empty() ? std::string(kLegacyVersion)
                                                : out->protocol_version) +
                 " (initialize)";
    } else if (late != replies_.end() && late->second.ok) {
      modern = true;  // a modern server that was slow to start
      ReadServerInfo(late->second.result, out);
      out->era = std::string(kModernVersion) + " (stateless)";
      out->protocol_version = version_;
    } else {
      std::string init_answer = init_wait == Wait::kTimeout
                                    ? "no answer in " + text_of(init_limit)
                                    : DescribeRpcError(init_reply.code, init_reply.message);
      *error = "the server answered neither server/discover (" + probe_answer +
               ") nor initialize (" + init_answer + ")";
      return false;
    }
  }
  if (!ListPages(modern, out, error)) return false;
  out->skipped_lines = skipped_lines_;
  out->answered_requests = answered_;
  return true;
}

bool McpClient::ListPages(bool modern, ToolList* out, std::string* error) {
  std::set<std::string> cursors;
  std::string cursor;
  uint64_t bytes = 0;
  for (int page = 0;; ++page) {
    if (page >= options_.max_pages) {
      *error = "tools/list gave more than " + std::to_string(options_.max_pages) + " pages";
      return false;
    }
    Json params = Json::object();
    if (modern) params["_meta"] = Meta();
    if (!cursor.empty()) params["cursor"] = cursor;
    int64_t id = Send("tools/list", std::move(params), error);
    if (id < 0) return false;
    Reply reply;
    Wait wait = Await(id, &reply, error);
    if (wait == Wait::kFailed) return false;
    if (wait == Wait::kTimeout) {
      *error = "no answer to tools/list (page " + std::to_string(page + 1) + ") in time";
      if (skipped_lines_ > 0) {
        *error += "; " + std::to_string(skipped_lines_) + " lines on its output were not JSON";
      }
      return false;
    }
    if (!reply.ok) {
      *error = "tools/list failed: " + DescribeRpcError(reply.code, reply.message);
      return false;
    }
    const Json& result = reply.result;
    if (modern && result.is_object() && result.value("resultType", Json("complete")) != "complete") {
      *error = "tools/list asked for input (resultType \"" +
               ServerText(result.value("resultType", Json())) + "\"), which mcpolicy cannot give";
      return false;
    }
    if (!result.is_object() || !result.contains("tools") || !result["tools"].is_array()) {
      *error = "the tools/list result has no \"tools\" array";
      return false;
    }
    for (const Json& tool : result["tools"]) {
      bytes += tool.dump(-1, ' ', false, Json::error_handler_t::replace).size() + 1;
      if (bytes > options_.max_tools_bytes) {
        *error = "the tool list is larger than " + std::to_string(options_.max_tools_bytes) +
                 " bytes";
        return false;
      }
      out->tools.push_back(tool);
    }
    ++out->pages;
    auto next = result.find("nextCursor");
    if (next == result.end() || next->is_null()) return true;
    if (!next->is_string() || next->get<std::string>().empty()) return true;
    cursor = next->get<std::string>();
    if (!cursors.insert(cursor).second) {
      *error = "tools/list pagination repeats a cursor";
      return false;
    }
  }
}

}  // namespace mcpolicy::live
