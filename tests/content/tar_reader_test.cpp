#include <gtest/gtest.h>

#include <sstream>

#include "content/tar_archive.hpp"

namespace placard {
namespace {

std::string archive_of(const std::vector<TarEntry>& entries) {
    auto archive = write_tar(entries);
    EXPECT_TRUE(archive);
    return *archive;
}

TEST(TarReader, ReadsEntryByEntryInPieces) {
    const std::string big(200 * 1024 + 7, 'x');
    std::istringstream in(archive_of({{"feed.json", "{}"}, {"media/big.bin", big}}));
    TarReader reader(in, "b.placard");
    auto first = reader.next();
    ASSERT_TRUE(first && *first);
    EXPECT_EQ((*first)->path, "feed.json");
    // Skipped without reading: the reader moves past the data itself.
    auto second = reader.next();
    ASSERT_TRUE(second && *second);
    EXPECT_EQ((*second)->size, big.size());
    std::size_t pieces = 0, bytes = 0;
    ASSERT_TRUE(reader.read_data([&](std::string_view piece) {
        ++pieces;
        bytes += piece.size();
        EXPECT_LE(piece.size(), 64u * 1024);
        return Status(Done{});
    }));
    EXPECT_EQ(bytes, big.size());
    EXPECT_GE(pieces, 4u);
    auto end = reader.next();
    ASSERT_TRUE(end);
    EXPECT_FALSE(*end);
}

TEST(TarReader, ATruncatedEntryIsRefusedWithItsName) {
    std::string archive = archive_of({{"media/a.png", std::string(4096, 'p')}});
    archive.resize(1500);
    std::istringstream in(archive);
    TarReader reader(in, "b.placard");
    auto header = reader.next();
    ASSERT_TRUE(header && *header);
    auto data = reader.read_all(1 << 20);
    ASSERT_FALSE(data);
    EXPECT_NE(data.error().message.find("media/a.png: truncated"), std::string::npos);
}

TEST(TarReader, ControlCharactersInNamesAreEscapedInMessages) {
    std::string archive = archive_of({{"media/ab.png", "x"}});
    archive[7] = '\x1b';  // "media/a\x1bb.png": the header checksum now fails, named safely.
    std::istringstream in(archive);
    TarReader reader(in, "b.placard");
    auto header = reader.next();
    ASSERT_FALSE(header);
    EXPECT_EQ(header.error().message.find('\x1b'), std::string::npos);
    EXPECT_NE(header.error().message.find("\\x1b"), std::string::npos);
}

}  // namespace
}  // namespace placard
