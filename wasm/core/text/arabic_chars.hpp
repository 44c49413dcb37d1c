#pragma once
// Character classes of the Arabic script that the filters and the tokenizer share.
#include "text/bidi_controls.hpp"

namespace mirsad::arabic {

constexpr char16_t kAlef = u'\u0627';
constexpr char16_t kAlefMadda = u'\u0622';
constexpr char16_t kAlefHamzaAbove = u'\u0623';
constexpr char16_t kAlefHamzaBelow = u'\u0625';
constexpr char16_t kAlefWasla = u'\u0671';
constexpr char16_t kAlefMaksura = u'\u0649';
constexpr char16_t kYeh = u'\u064A';
constexpr char16_t kFarsiYeh = u'\u06CC';
constexpr char16_t kKeheh = u'\u06A9';
constexpr char16_t kKaf = u'\u0643';
constexpr char16_t kTehMarbuta = u'\u0629';
constexpr char16_t kHeh = u'\u0647';
constexpr char16_t kTatweel = u'\u0640';

// Harakat, Quranic annotation signs and the superscript alef: marks that vowel or decorate a
// letter without changing which word it is.
constexpr bool is_arabic_mark(char32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E8) || (c >= 0x06EA && c <= 0x06ED) ||
         (c >= 0x08D3 && c <= 0x08FF && c != 0x08E2);
}

// Invisible format characters that copy-paste and CMS software leave inside words (the bidi
// controls among them: text/bidi_controls.hpp).
constexpr bool is_invisible_format(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x00AD || c == 0x2060 ||
         is_bidi_control(c);
}

// Arabic-Indic (U+0660..) and Extended Arabic-Indic (Persian/Urdu, U+06F0..) digits: value or -1.
constexpr int arabic_digit_value(char32_t c) {
  if (c >= 0x0660 && c <= 0x0669) return static_cast<int>(c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return static_cast<int>(c - 0x06F0);
  return -1;
}

constexpr bool is_arabic_letter(char32_t c) {
  return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3) ||
         c == 0x06D5 || (c >= 0x06EE && c <= 0x06EF) || (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF;
}

}  // namespace mirsad::arabic
