// FindOutputConflict: an output must never be one of the command's inputs or another output.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "mcpolicy/io.h"
#include "util/paths.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

// What a path names: an existing regular file by device and inode, a file yet to be created by
// the absolute path it would get. Anything else (devices, FIFOs, directories, standard
// streams) is `other` and never conflicts.
struct Identity {
  enum Kind { kOther, kFile, kMissing } kind = kOther;
  dev_t device = 0;
  ino_t inode = 0;
  std::string where;
};

Identity Identify(const std::string& path) {
  Identity id;
  struct stat info;
  if (path == "-") {
    if (fstat(STDIN_FILENO, &info) == 0 && S_ISREG(info.st_mode)) {
      id = {Identity::kFile, info.st_dev, info.st_ino, ""};
    }
    return id;
  }
  if (stat(path.c_str(), &info) == 0) {
    if (S_ISREG(info.st_mode)) id = {Identity::kFile, info.st_dev, info.st_ino, ""};
    return id;
  }
  std::string target, error;
  if (!FollowLinks(path, target, error) || StandardStreamOf(target) >= 0) return id;
  std::error_code ec;
  fs::path absolute = fs::absolute(target, ec);
  if (ec) return id;
  fs::path parent = fs::weakly_canonical(absolute.parent_path(), ec);
  if (ec) parent = absolute.parent_path();
  id.kind = Identity::kMissing;
  id.where = (parent / absolute.filename()).lexically_normal().string();
  return id;
}

bool Same(const Identity& a, const Identity& b) {
  if (a.kind != b.kind || a.kind == Identity::kOther) return false;
  if (a.kind == Identity::kFile) return a.device == b.device && a.inode == b.inode;
  return a.where == b.where;
}

std::string Name(const NamedPath& p) {
  std::string shown = p.path == "-" ? "- (standard input)" : p.path;
  return p.flag.empty() ? shown : p.flag + " " + shown;
}

}  // namespace

std::string FindOutputConflict(const std::vector<NamedPath>& inputs,
                               const std::vector<NamedPath>& outputs) {
  std::vector<Identity> output_ids;
  for (const NamedPath& o : outputs) output_ids.push_back(Identify(o.path));
  for (size_t i = 0; i < outputs.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (Same(output_ids[i], output_ids[j])) {
        return Name(outputs[j]) + " and " + Name(outputs[i]) +
               " name the same file, so one would overwrite the other; nothing was written";
      }
    }
  }
  std::vector<NamedPath> files;
  for (const NamedPath& in : inputs) {
    std::error_code ec;
    if (in.path == "-" || !fs::is_directory(in.path, ec)) {
      files.push_back(in);
      continue;
    }
    // A directory input (--catalog DIR): the files directly in it.
    for (const fs::directory_entry& entry : fs::directory_iterator(in.path, ec)) {
      files.push_back({in.flag, entry.path().string()});
    }
  }
  for (const NamedPath& in : files) {
    Identity id = Identify(in.path);
    if (id.kind == Identity::kOther) continue;
    for (size_t i = 0; i < outputs.size(); ++i) {
      if (Same(id, output_ids[i])) {
        return Name(outputs[i]) + " would overwrite the input " + Name(in) +
               "; nothing was written";
      }
    }
  }
  return "";
}

}  // namespace mcpolicy
