"""Character classes of Vietnamese for regular expressions (``[...]`` contents, no brackets).

Python's ``[À-ỹ]`` ranges interleave upper and lower case, so the letters are listed.
"""

UPPER = "A-ZĐÂĂÊÔƠƯÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zđâăêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
LETTER = UPPER + LOWER
