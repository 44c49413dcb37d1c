#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "index/byte_pool.hpp"
#include "index/record_store.hpp"

using namespace mirsad;

TEST(BytePool, InterleavedStreamsReadBackExactly) {
  // Thousands of streams growing in turn, as terms do while documents are indexed: every
  // stream must read back exactly what was appended, across slice boundaries and blocks.
  BytePool pool;
  std::mt19937 rng(7);
  std::vector<BytePool::Stream> streams(3000);
  std::vector<std::vector<uint8_t>> expected(streams.size());
  for (int round = 0; round < 400000; ++round) {
    const std::size_t s = std::min<std::size_t>(rng() % streams.size(), rng() % 50);  // a few hot streams
    uint8_t bytes[5];
    const std::size_t n = 1 + rng() % 5;
    for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<uint8_t>(rng());
    pool.append(streams[s], bytes, n);
    expected[s].insert(expected[s].end(), bytes, bytes + n);
  }
  std::vector<uint8_t> out;
  for (std::size_t s = 0; s < streams.size(); ++s) {
    pool.read(streams[s], out);
    ASSERT_EQ(out, expected[s]) << "stream " << s;
  }
  EXPECT_LT(pool.memory_bytes(), 3 * 400000 * 3) << "slack and links stay a fraction of the data";
}

TEST(BytePool, BulkAppendThenSmallAppends) {
  // An index file loads each term's bytes at once; documents added later extend the stream.
  BytePool pool;
  BytePool::Stream big, small;
  std::vector<uint8_t> data(100000), tail{1, 2, 3};
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i * 7);
  pool.append(big, data.data(), data.size());
  pool.append(small, data.data(), 3);
  pool.append(big, tail.data(), tail.size());
  data.insert(data.end(), tail.begin(), tail.end());
  std::vector<uint8_t> out;
  pool.read(big, out);
  EXPECT_EQ(out, data);
  pool.read(small, out);
  EXPECT_EQ(out, std::vector<uint8_t>(data.begin(), data.begin() + 3));
}

TEST(BytePool, LoadedStreamsTakeNoMoreRoomThanBuiltOnes) {
  // Reproduction of issue 14.1: an index file's postings, loaded term by term in bulk, took a
  // 16 KB slice for every list over 252 bytes (6x the memory of the engine that wrote them).
  BytePool built;
  std::mt19937 rng(11);
  std::vector<BytePool::Stream> streams(20000);
  std::vector<std::vector<uint8_t>> expected(streams.size());
  for (int round = 0; round < 600000; ++round) {
    // Zipf-like: a few long lists (hundreds of bytes to tens of KB), many short ones.
    const std::size_t s = static_cast<std::size_t>(streams.size() * std::pow(static_cast<double>(rng() % 10000 + 1) / 10000.0, 4.0)) % streams.size();
    const uint8_t byte = static_cast<uint8_t>(rng());
    built.append(streams[s], &byte, 1);
    expected[s].push_back(byte);
  }
  BytePool loaded;
  std::vector<BytePool::Stream> reloaded(streams.size());
  std::vector<uint8_t> out;
  for (std::size_t s = 0; s < streams.size(); ++s) {
    built.read(streams[s], out);
    loaded.append(reloaded[s], out.data(), out.size());
  }
  for (std::size_t s = 0; s < streams.size(); ++s) {
    loaded.read(reloaded[s], out);
    ASSERT_EQ(out, expected[s]) << "stream " << s;
  }
  EXPECT_LE(loaded.memory_bytes(), built.memory_bytes());
}

TEST(BytePool, ExactSlicesAcrossBlocksThenAppends) {
  // Bulk slices of every size, some longer than a block, each extended afterwards by small
  // appends whose first link may itself straddle two blocks.
  BytePool pool;
  std::mt19937 rng(3);
  std::vector<BytePool::Stream> streams(400);
  std::vector<std::vector<uint8_t>> expected(streams.size());
  for (std::size_t s = 0; s < streams.size(); ++s) {
    const std::size_t n = s % 50 == 0 ? 300000 + rng() % 300000 : rng() % 5000;
    expected[s].resize(n);
    for (auto& b : expected[s]) b = static_cast<uint8_t>(rng());
    pool.append(streams[s], expected[s].data(), n);
  }
  for (int round = 0; round < 50000; ++round) {
    const std::size_t s = rng() % streams.size();
    const uint8_t bytes[3] = {static_cast<uint8_t>(rng()), static_cast<uint8_t>(rng()), static_cast<uint8_t>(rng())};
    const std::size_t n = 1 + rng() % 3;
    pool.append(streams[s], bytes, n);
    expected[s].insert(expected[s].end(), bytes, bytes + n);
  }
  std::vector<uint8_t> out;
  for (std::size_t s = 0; s < streams.size(); ++s) {
    pool.read(streams[s], out);
    ASSERT_EQ(out, expected[s]) << "stream " << s;
  }
}

TEST(RecordStore, SmallAndOversizedRecords) {
  RecordStore store;
  std::vector<uint8_t> small(100, 9), huge(3 << 20, 5);
  const uint64_t a = store.add(small.data(), small.size());
  const uint64_t b = store.add(huge.data(), huge.size());
  const uint64_t c = store.add(small.data(), 0);
  EXPECT_EQ(std::vector<uint8_t>(store.at(a).first, store.at(a).first + 100), small);
  EXPECT_EQ(store.at(b).second - store.at(b).first, static_cast<std::ptrdiff_t>(huge.size()));
  EXPECT_EQ(*store.at(b).first, 5);
  EXPECT_NE(store.at(c).first, nullptr);
  EXPECT_EQ(store.at(uint64_t{99} << 40).first, nullptr) << "an address naming no block";
}

TEST(BytePool, EmptyAppendToAnEmptyStream) {
  // An index file may hold a term with no posting bytes: appending nothing must not touch a
  // slice that does not exist yet (found by the index-loader fuzzer).
  BytePool pool;
  BytePool::Stream empty, other;
  pool.append(empty, nullptr, 0);
  const uint8_t one = 42;
  pool.append(other, &one, 1);
  pool.append(empty, nullptr, 0);
  std::vector<uint8_t> out{1, 2, 3};
  pool.read(empty, out);
  EXPECT_TRUE(out.empty());
  pool.read(other, out);
  EXPECT_EQ(out, std::vector<uint8_t>{42});
}

TEST(BytePool, ABulkSliceEndingExactlyAtABlocksEndIsFollowedInANewBlock) {
  // Found by checking loaded postings from the pool (issue 15, streamed index loading): 2,500
  // real articles' postings, bulk-appended as a file loads, once ended a slice at the very end
  // of a 256 KB block; the next slice's address then carried the offset into the block number
  // and read back another block's bytes (block 1 full: the next slice went to block 1 again).
  // Here the same: two slices of exactly one block each (4 bytes of length, the list, 4 of
  // link), then more lists.
  constexpr std::size_t kBlock = 1u << 18;
  BytePool pool;
  std::vector<BytePool::Stream> streams(5);
  std::vector<std::vector<uint8_t>> expected;
  for (std::size_t s = 0; s < 2; ++s) {
    std::vector<uint8_t> whole_block(kBlock - 8);
    for (std::size_t i = 0; i < whole_block.size(); ++i) whole_block[i] = static_cast<uint8_t>(i * 7 + s);
    pool.append(streams[s], whole_block.data(), whole_block.size());
    expected.push_back(whole_block);
  }
  for (std::size_t s = 2; s < streams.size(); ++s) {
    std::vector<uint8_t> list(300 * s);
    for (std::size_t i = 0; i < list.size(); ++i) list[i] = static_cast<uint8_t>(s * 31 + i);
    pool.append(streams[s], list.data(), list.size());
    expected.push_back(list);
  }
  std::vector<uint8_t> out;
  for (std::size_t s = 0; s < streams.size(); ++s) {
    pool.read(streams[s], out);
    EXPECT_TRUE(out == expected[s]) << "stream " << s;  // (not EXPECT_EQ: 256 KB printed)
  }
}
