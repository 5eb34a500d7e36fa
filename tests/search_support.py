"""The fixture site of the search tests: pages whose words are spelled in every way a reader
might type them."""

# Spellings on purpose: the sources mix precomposed nukta letters (क़ U+0958, ढ़ U+095D, ড় U+09DC,
# ঢ় U+09DD, য় U+09DF) with base + nukta, and use ZWJ and ZWNJ; hooks/page_sources.py makes every
# page NFC, and search must find each word whichever way it is typed.
PAGES = {
    "docs/index.md": "# Home\n\nA guide for every freelancer. Clients pay by bank transfer.\n",
    "docs/getting-paid.md": (
        "# Getting paid\n\nPayment methods for a freelancer.\n\n"
        "## Invoices\n\nSend an invoice after the work.\n"
    ),
    "docs/rates.md": "# Rates\n\nCharge an hourly rate.\n",
    "hi/index.md": (
        "# होम\n\nफ्रीलांसर के लिए गाइड। क्लाइंट बैंक से पेमेंट करते हैं॥ "
        "\u092a\u095d\u093e\u0908 \u091c\u093c\u0930\u0942\u0930\u0940 है।\n"  # पढ़ाई ज़रूरी
    ),
    "hi/getting-paid.md": (
        "# पेमेंट पाना\n\n\u0958ानूनी सलाह लें — “इनवॉइस” भेजें।\n\n"  # क़ानूनी
        "## इनवॉइस कैसे भेजें\n\nहर (महीने) इनवॉइस भेजें।\n"
    ),
    "hi/rates.md": "# दरें\n\nप्रति घंटा या तय क\u093cीमत। \u092c\u095c\u093e काम।\n",  # क़ीमत बड़ा
    "bn/index.md": "# হোম\n\nফ্রিল্যান্সার গাইড। ক্লা\u09dfেন্ট পেমেন্ট দেন।\n",  # য় U+09DF
    "bn/getting-paid.md": (
        "# পেমেন্ট পাওয়া\n\n"
        "র\u200d্যাংক ভালো হলে ক্লা\u09af\u09bcেন্ট বেশি আসে। ই\u200cমেইল পাঠান। "  # ZWJ, য + ়, ZWNJ
        "ব\u09dc কাজ, আষা\u09dd মাস। ১২০০ টাকা।\n\n"  # ড় U+09DC, ঢ় U+09DD
        "## ইনভয়েস পাঠানো\n\nপ্রতি মাসে ইনভয়েস পাঠান।\n"
    ),
    # bn/rates.md is missing on purpose: the English page is served at /bn/rates/.
}

NAV = """\
  - index.md
  - getting-paid.md
  - rates.md
"""
