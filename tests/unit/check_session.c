/* Unit tests of the editing session. */
#include <config.h>

#include "testutil.h"
#include "zongjie/session.h"

int main(void)
{
	return 0;
}
