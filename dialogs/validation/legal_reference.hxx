// A rule's legal reference as a reader cites it, in the reader's language. The catalogue
// keeps the short English form ("r. 3, s. 7(13)", "Act s. 3, 11, 14; RL-1"); French texts
// say "RLRQ, c. D-8.3, r. 3, art. 7(13)" (issue 10, item 4). No UNO in here.
#pragma once

#include "engine/regulation.hxx"

#include <string>
#include <string_view>

namespace onepercent::validation
{
// "r. 3, s. 7(3.2)"         -> "CQLR, c. D-8.3, r. 3, s. 7(3.2)" / "RLRQ, c. D-8.3, r. 3, art.
// 7(3.2)" "r. 3, s. 4, 3rd para."   -> "..., s. 4, 3rd para."            / "..., art. 4, 3e al."
// "Act s. 3, 11, 14; RL-1"  -> "CQLR, c. D-8.3, s. 3, 11, 14; RL-1" / "RLRQ, c. D-8.3, art. 3, 11,
// 14; RL-1" Parts it does not know ("RL-1") are kept; "" stays "".
std::string legal_reference_text(std::string_view reference, Language language);
} // namespace onepercent::validation
