// SHA-256 (FIPS 180-4), for the definition hashes of drift snapshots.
#ifndef MCPOLICY_LIVE_SHA256_H_
#define MCPOLICY_LIVE_SHA256_H_

#include <string>
#include <string_view>

namespace mcpolicy::live {

// The digest of `data` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace mcpolicy::live

#endif  // MCPOLICY_LIVE_SHA256_H_
