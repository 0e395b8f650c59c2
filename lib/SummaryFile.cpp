//===- SummaryFile.cpp ----------------------------------------------------===//

#include "borrow/SummaryFile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <mutex>
#include <tuple>

namespace borrow {

static constexpr llvm::StringLiteral FormatName = "borrow-tidy-summaries";

static llvm::Error malformed(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "malformed summary file: " + Why);
}

//===----------------------------------------------------------------------===//
// Meaning and merging
//===----------------------------------------------------------------------===//

// The smaller of two locations, an unknown one ("") being the largest: a
// semilattice, so merges stay associative and commutative.
static std::string smallerAt(const std::string &A, const std::string &B) {
  if (A.empty())
    return B;
  if (B.empty())
    return A;
  return std::min(A, B);
}

static auto meaning(const PortablePart &P) {
  return std::tie(P.Param, P.Fields, P.Traits, P.Flags);
}

bool PortablePart::sameMeaning(const PortablePart &O) const {
  return meaning(*this) == meaning(O);
}

void PortableSummary::normalize() {
  for (auto It = Lists.begin(); It != Lists.end();) {
    std::vector<PortablePart> &Parts = It->second;
    for (PortablePart &P : Parts) {
      llvm::sort(P.Flags);
      P.Flags.erase(llvm::unique(P.Flags), P.Flags.end());
    }
    llvm::sort(Parts, [](const PortablePart &A, const PortablePart &B) {
      return std::tie(A.Param, A.Fields, A.Traits, A.Flags, A.At) <
             std::tie(B.Param, B.Fields, B.Traits, B.Flags, B.At);
    });
    // Equal meanings sort together, the smallest known location first.
    std::vector<PortablePart> Unique;
    for (PortablePart &P : Parts) {
      if (!Unique.empty() && Unique.back().sameMeaning(P)) {
        Unique.back().At = smallerAt(Unique.back().At, P.At);
        continue;
      }
      Unique.push_back(std::move(P));
    }
    Parts = std::move(Unique);
    if (Parts.empty())
      It = Lists.erase(It);
    else
      ++It;
  }
  if (Conflict)
    Lists.clear();
}

bool PortableSummary::sameMeaning(const PortableSummary &O) const {
  if (Conflict || O.Conflict)
    return Conflict == O.Conflict;
  return llvm::equal(Lists, O.Lists, [](const auto &A, const auto &B) {
    return A.first == B.first &&
           llvm::equal(A.second, B.second,
                       [](const PortablePart &X, const PortablePart &Y) {
                         return X.sameMeaning(Y);
                       });
  });
}

PortableSummary mergeSummaries(const PortableSummary &A,
                               const PortableSummary &B) {
  PortableSummary R;
  R.Name = smallerAt(A.Name, B.Name);
  if (A.Conflict || B.Conflict || !A.sameMeaning(B)) {
    R.Conflict = true;
    return R;
  }
  R.Lists = A.Lists;
  for (auto &[Name, Parts] : R.Lists) {
    const std::vector<PortablePart> &Others = B.Lists.find(Name)->second;
    for (auto [Mine, Theirs] : llvm::zip(Parts, Others))
      Mine.At = smallerAt(Mine.At, Theirs.At);
  }
  return R;
}

void SummaryFile::add(llvm::StringRef USR, PortableSummary S) {
  S.normalize();
  auto [It, Inserted] = Functions.try_emplace(USR.str(), S);
  if (!Inserted)
    It->second = mergeSummaries(It->second, S);
}

void SummaryFile::merge(const SummaryFile &Other) {
  for (const auto &[USR, S] : Other.Functions)
    add(USR, S);
}

const PortableSummary *SummaryFile::lookup(llvm::StringRef USR) const {
  auto It = Functions.find(USR);
  return It == Functions.end() ? nullptr : &It->second;
}

unsigned SummaryFile::conflicts() const {
  return llvm::count_if(
      Functions, [](const auto &Entry) { return Entry.second.Conflict; });
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

static void writePart(llvm::json::OStream &J, const PortablePart &P) {
  J.object([&] {
    if (P.Param == PortablePart::ThisParam)
      J.attribute("param", "this");
    else
      J.attribute("param", P.Param);
    if (!P.Fields.empty())
      J.attributeArray("fields", [&] {
        for (const std::string &F : P.Fields)
          J.value(F);
      });
    // Traits and flags in one alphabetical order.
    std::map<llvm::StringRef, llvm::json::Value> Properties;
    for (const auto &[Key, Value] : P.Traits)
      Properties.emplace(Key, Value);
    for (const std::string &Flag : P.Flags)
      Properties.emplace(Flag, true);
    for (const auto &[Key, Value] : Properties)
      J.attribute(Key, Value);
    if (!P.At.empty())
      J.attribute("at", P.At);
  });
}

std::string SummaryFile::toJSON() const {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("format", FormatName);
    J.attribute("version", Version);
    J.attributeObject("functions", [&] {
      for (const auto &Entry : Functions)
        J.attributeObject(Entry.first, [&] {
          const PortableSummary &S = Entry.second;
          J.attribute("name", S.Name);
          if (S.Conflict)
            J.attribute("conflict", true);
          for (const auto &List : S.Lists)
            J.attributeArray(List.first, [&] {
              // One line a part: the files stay short and diff well.
              for (const PortablePart &P : List.second)
                J.rawValue([&](llvm::raw_ostream &OS) {
                  llvm::json::OStream Line(OS);
                  writePart(Line, P);
                });
            });
        });
    });
  });
  OS << "\n";
  return Text;
}

static llvm::Expected<PortablePart> readPart(const llvm::json::Value &V) {
  const llvm::json::Object *O = V.getAsObject();
  if (!O)
    return malformed("a part is not an object");
  PortablePart P;
  for (const auto &[Key, Value] : *O) {
    if (Key == "param") {
      if (std::optional<int64_t> N = Value.getAsInteger(); N && *N >= 0)
        P.Param = *N;
      else if (Value.getAsString() == "this")
        P.Param = PortablePart::ThisParam;
      else
        return malformed("a part's param is neither an index nor \"this\"");
    } else if (Key == "fields") {
      const llvm::json::Array *Fields = Value.getAsArray();
      if (!Fields)
        return malformed("a part's fields are not an array");
      for (const llvm::json::Value &F : *Fields) {
        std::optional<llvm::StringRef> Name = F.getAsString();
        if (!Name)
          return malformed("a field name is not a string");
        P.Fields.push_back(Name->str());
      }
    } else if (Key == "at") {
      P.At = Value.getAsString().value_or("").str();
    } else if (std::optional<bool> Flag = Value.getAsBoolean()) {
      if (*Flag)
        P.Flags.push_back(Key.str());
    } else if (std::optional<llvm::StringRef> Trait = Value.getAsString()) {
      P.Traits[Key.str()] = Trait->str();
    }
    // Anything else is a property of a newer format: ignored.
  }
  if (!O->get("param"))
    return malformed("a part has no param");
  return P;
}

static llvm::Expected<PortableSummary>
readSummary(const llvm::json::Object &O) {
  PortableSummary S;
  for (const auto &[Key, Value] : O) {
    if (Key == "name") {
      S.Name = Value.getAsString().value_or("").str();
    } else if (Key == "conflict") {
      S.Conflict = Value.getAsBoolean().value_or(false);
    } else if (const llvm::json::Array *Parts = Value.getAsArray()) {
      std::vector<PortablePart> &List = S.Lists[Key.str()];
      for (const llvm::json::Value &Part : *Parts) {
        llvm::Expected<PortablePart> P = readPart(Part);
        if (!P)
          return P.takeError();
        List.push_back(std::move(*P));
      }
    }
  }
  return S;
}

llvm::Expected<SummaryFile> SummaryFile::fromJSON(llvm::StringRef Text) {
  llvm::Expected<llvm::json::Value> Root = llvm::json::parse(Text);
  if (!Root)
    return Root.takeError();
  const llvm::json::Object *O = Root->getAsObject();
  if (!O || O->getString("format") != FormatName)
    return malformed("not a borrow-tidy summary file");
  std::optional<int64_t> V = O->getInteger("version");
  if (V != int64_t(Version))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "summary file version " + (V ? std::to_string(*V) : "?") +
            ", this borrow-tidy reads version " + std::to_string(Version));
  const llvm::json::Object *Functions = O->getObject("functions");
  if (!Functions)
    return malformed("no functions");
  SummaryFile File;
  for (const auto &[USR, Entry] : *Functions) {
    const llvm::json::Object *E = Entry.getAsObject();
    if (!E)
      return malformed("the entry of " + USR.str() + " is not an object");
    llvm::Expected<PortableSummary> S = readSummary(*E);
    if (!S)
      return S.takeError();
    File.add(USR, std::move(*S));
  }
  return File;
}

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

llvm::Expected<SummaryFile> SummaryFile::read(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read " + Path.str() + ": " +
                                       Buffer.getError().message());
  llvm::Expected<SummaryFile> File = fromJSON((*Buffer)->getBuffer());
  if (!File)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Path.str() + ": " +
                                       llvm::toString(File.takeError()));
  return File;
}

llvm::Expected<std::shared_ptr<const SummaryFile>>
SummaryFile::readShared(llvm::StringRef Path) {
  struct Cached {
    std::shared_ptr<const SummaryFile> File;
    llvm::sys::TimePoint<> Modified;
    uint64_t Size = 0;
  };
  static std::mutex Lock;
  static std::map<std::string, Cached, std::less<>> Cache;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return llvm::createStringError(EC, "cannot read " + Path.str() + ": " +
                                           EC.message());
  std::lock_guard<std::mutex> Guard(Lock);
  Cached &Entry = Cache[Path.str()];
  if (Entry.File && Entry.Modified == Status.getLastModificationTime() &&
      Entry.Size == Status.getSize())
    return Entry.File;
  llvm::Expected<SummaryFile> File = read(Path);
  if (!File)
    return File.takeError();
  Entry.File = std::make_shared<const SummaryFile>(std::move(*File));
  Entry.Modified = Status.getLastModificationTime();
  Entry.Size = Status.getSize();
  return Entry.File;
}

llvm::Error SummaryFile::write(llvm::StringRef Path) const {
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  if (!Dir.empty())
    if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
      return llvm::createStringError(EC, "cannot create " + Dir.str() + ": " +
                                             EC.message());
  std::string Text = toJSON();
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << Text;
    return llvm::Error::success();
  });
}

std::string SummaryFile::exportPath(llvm::StringRef Dir,
                                    llvm::StringRef MainFile) {
  llvm::SmallString<256> Path(Dir);
  std::string Name = llvm::sys::path::stem(MainFile).str() + "-" +
                     llvm::utohexstr(llvm::xxh3_64bits(MainFile),
                                     /*LowerCase=*/true, /*Width=*/16) +
                     ".json";
  llvm::sys::path::append(Path, Name);
  return std::string(Path);
}

} // namespace borrow
